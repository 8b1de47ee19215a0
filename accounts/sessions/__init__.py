"""Session stores that read the session and its signed-in user in one query.

Every signed-in request reads its session, then its user. Here the session
row (``accounts.models.Session``) carries the account's id, so one query
reads both: the store keeps the user it read, and the authentication
middleware below hands it to the backend, which takes it only for the very
account the session's data names. Building the query's SQL costs more than
running it, so it is built once per connection (``config.prepared``).
Otherwise these are Django's stores: ``db`` keeps sessions in the database,
``cached_db`` also in the shared cache (a session read from the cache has its
user read on its own, as Django does).
"""

from __future__ import annotations

import datetime
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from django.contrib import auth
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from config.prepared import PreparedQuery

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser, User

    from accounts.models import Session


def _live_sessions(key: str, now: datetime.datetime) -> Any:
    from accounts.models import Session

    return Session.objects.filter(session_key=key, expire_date__gt=now).select_related("user")


_live_session = PreparedQuery(_live_sessions, key=str, now=datetime.datetime)

# The user read with the session, while Django's get_user looks the user up.
_read_with_session: ContextVar[User | None] = ContextVar("read_with_session", default=None)


def account_id(data: dict[str, Any]) -> int | None:
    """The id of the account a session's data signs in, if it is one."""
    try:
        return int(data[auth.SESSION_KEY])
    except (KeyError, TypeError, ValueError):
        return None


class PreparedSessionLoad:
    """Reads the session with its user, and keeps the account's id beside the data."""

    session_key: str | None
    _session_key: str | None
    #: The user read with the session row, if it has one.
    user_read: User | None = None

    @classmethod
    def get_model_class(cls) -> type[Session]:
        from accounts.models import Session

        return Session

    def _get_session_from_db(self) -> Any:
        session = None
        if self.session_key:
            session = _live_session.first(key=self.session_key, now=timezone.now())
        if session is None:
            self._session_key = None
            self.user_read = None
        else:
            self.user_read = session.user
        return session

    def create_model_instance(self, data: dict[str, Any]) -> Session:
        session: Session = super().create_model_instance(data)  # type: ignore[misc]
        session.user_id = account_id(data)
        return session


def user_read_with_session(user_id: int) -> User | None:
    """The user the session was read with, if it is the account ``user_id``."""
    user = _read_with_session.get()
    return user if user is not None and user.pk == user_id else None


def get_user(request: HttpRequest) -> AbstractBaseUser | AnonymousUser:
    """Django's ``get_user``, with the user read in the session's own query.

    Django's checks all still run: the backend named in the session, the
    account being active, the password hash the session was signed in with.
    """
    session = request.session
    session.get(auth.SESSION_KEY)  # reads the session (and its user), once per request
    token = _read_with_session.set(getattr(session, "user_read", None))
    try:
        return auth.get_user(request)
    finally:
        _read_with_session.reset(token)


class SessionUserMiddleware(AuthenticationMiddleware):
    """Django's authentication middleware, reading the user with the session."""

    def process_request(self, request: HttpRequest) -> None:
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: get_user(request))  # type: ignore[assignment]
