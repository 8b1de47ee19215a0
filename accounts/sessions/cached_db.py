"""Sessions in the database and in the shared cache.

``SESSION_ENGINE = "accounts.sessions.cached_db"``, when ``CACHE_URL`` names one.
"""

from django.contrib.sessions.backends import cached_db

from accounts.sessions import PreparedSessionLoad


class SessionStore(PreparedSessionLoad, cached_db.SessionStore):
    pass
