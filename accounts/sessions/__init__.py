"""Session stores that read the session row with a prepared query.

Every signed-in request reads its session; building that query's SQL cost
more than running it, so it is built once per connection
(``config.prepared``). Otherwise these are Django's stores: ``db`` keeps
sessions in the database, ``cached_db`` also in the shared cache.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.sessions.models import Session
from django.utils import timezone

from config.prepared import PreparedQuery

_live_session = PreparedQuery(
    lambda key, now: Session.objects.filter(session_key=key, expire_date__gt=now),
    key=str,
    now=datetime.datetime,
)


class PreparedSessionLoad:
    """Reads the session as Django's database store does, without rebuilding the SQL."""

    session_key: str | None
    _session_key: str | None

    def _get_session_from_db(self) -> Any:
        session = None
        if self.session_key:
            session = _live_session.first(key=self.session_key, now=timezone.now())
        if session is None:
            self._session_key = None
        return session
