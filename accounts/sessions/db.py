"""Sessions in the database (``SESSION_ENGINE = "accounts.sessions.db"``)."""

from django.contrib.sessions.backends import db

from accounts.sessions import PreparedSessionLoad


class SessionStore(PreparedSessionLoad, db.SessionStore):
    pass
