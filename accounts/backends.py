"""Signing in with a username or an e-mail address, throttled by django-axes."""

from __future__ import annotations

from functools import partial
from typing import Any

from asgiref.sync import sync_to_async
from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import make_password, verify_password
from django.contrib.auth.models import User
from django.db.models import Q
from django.http import HttpRequest
from django.views.decorators.debug import sensitive_variables

from accounts.hashing import hashing_pool
from accounts.sessions import user_read_with_session
from config.prepared import PreparedQuery

# Every signed-in request reads its user: the SQL is built once per connection.
_user_by_id = PreparedQuery(lambda pk: User._default_manager.filter(pk=pk), pk=int)


class EmailOrUsernameBackend(ModelBackend):
    """Django's model backend that also accepts the account's e-mail address.

    The username matches exactly, as Django's backend does; the e-mail address
    matches whatever its case, since people type addresses as they please.
    An address shared by several accounts signs in the one whose password it is.
    Passwords are checked on the process's hashing threads (``accounts.hashing``).
    """

    def get_user(self, user_id: Any) -> User | None:
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        user = user_read_with_session(pk) or _user_by_id.first(pk=pk)
        return user if user is not None and self.user_can_authenticate(user) else None

    @sensitive_variables("password")
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        login = (username if username is not None else kwargs.get(User.USERNAME_FIELD)) or ""
        login = login.strip()
        if not login or password is None:
            return None
        candidates = sorted(
            User._default_manager.filter(Q(username=login) | Q(email__iexact=login)),
            # The account whose username it is comes first.
            key=lambda user: (user.username != login, user.pk),
        )
        # Raises HashingBusy when too many sign-ins are waiting to be checked.
        user, upgraded = hashing_pool().run(partial(self._check_password, candidates, password))
        if user is not None and upgraded is not None:
            # As Django's check_password does when the hasher's strength changed.
            user.password = upgraded
            user.save(update_fields=["password"])
        return user

    @sensitive_variables("password")
    def _check_password(
        self, candidates: list[User], password: str
    ) -> tuple[User | None, str | None]:
        """The candidate whose password this is, and its new hash if it needs one.

        Runs on a hashing thread: it hashes and reads no database.
        """
        if not candidates:
            # Hash anyway, so an unknown login takes as long as a wrong password.
            make_password(password)
            return None, None
        for user in candidates:
            is_correct, must_update = verify_password(password, user.password)
            if is_correct and self.user_can_authenticate(user):
                return user, make_password(password) if must_update else None
        return None, None

    async def aauthenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        return await sync_to_async(self.authenticate)(
            request, username=username, password=password, **kwargs
        )


class LoginThrottleBackend(AxesStandaloneBackend):  # type: ignore[misc]
    """Refuses a locked-out attempt before any backend checks its password.

    Only a sign-in through a web request is throttled, since failures are
    counted per client address: every sign-in form passes its request, while a
    call without one (a script, a test) never comes from an attacker's client.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        super().authenticate(request, username=username, password=password, **kwargs)
        return None

    async def aauthenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        await sync_to_async(self.authenticate)(
            request, username=username, password=password, **kwargs
        )
