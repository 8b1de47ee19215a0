"""Settings for the briefing and quiz site, read from environment variables.

Development defaults are safe: DEBUG is off unless DJANGO_DEBUG is set, and
SQLite is used unless DATABASE_URL names another database. See README.md for
the variables a production deployment sets.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

# Lets admin and form classes be subscripted with their model at run time.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

# The fallback key only serves development and tests; `check --deploy` flags it.
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY", "django-insecure-development-key-set-DJANGO_SECRET_KEY-in-production"
)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
#: A refused form from a stale tab comes back ready to send again (config/csrf.py).
CSRF_FAILURE_VIEW = "config.csrf.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks_db",
    "axes",
    "accounts",
    "organisations",
    "cohorts",
    "briefings",
    "quizzes",
    "reviews",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session middleware, so a database outage met there is a 503 too.
    "config.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the session and before CommonMiddleware, as Django's docs place it:
    # picks the language from the chooser's cookie, else the browser's.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, reading the user in the session's own query (accounts.sessions).
    "accounts.sessions.SessionUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cohorts.routers.ReplicaPinningMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into a 429.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
            "libraries": {"memo": "config.memo"},
        },
    },
]

SQLITE_PATH = Path(os.environ.get("DJANGO_SQLITE_PATH", BASE_DIR / "db.sqlite3"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{SQLITE_PATH}", conn_max_age=60, conn_health_checks=True
    )
}
# Connections are kept between requests (each thread has its own), so a page
# does not pay for opening one and, on SQLite, for the PRAGMAs below.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, with the threads of a process taking turns to write
    # rather than napping in SQLite's busy handler (config/sqlite/base.py).
    DATABASES["default"]["ENGINE"] = "config.sqlite"
    # Tests run in memory, one database per test process, as with Django's own
    # backend (test runners recognise an in-memory name, not the engine).
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and one writer work at once; IMMEDIATE takes the
        # write lock when a transaction starts, so concurrent writers wait
        # (up to the timeout) instead of failing mid-transaction.
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# A PostgreSQL server that cannot be reached is given up on after a few
# seconds, so pages answer the "back in a moment" 503 (config/middleware.py)
# promptly instead of holding every server thread until the client gives up.
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5")
    )

# A read replica for report reads under /teach/ (see cohorts/routers.py); the
# test database is read through it in tests. After a write, a browser reads
# from the primary for DATABASE_REPLICA_PIN_SECONDS, longer than the replica lags.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=60, conn_health_checks=True
    )
    if DATABASES["replica"]["ENGINE"].startswith("django.db.backends.postgresql"):
        DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = int(
            os.environ.get("DJANGO_DB_CONNECT_TIMEOUT", "5")
        )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["cohorts.routers.ReportReplicaRouter"]
DATABASE_REPLICA_PIN_SECONDS = int(os.environ.get("DATABASE_REPLICA_PIN_SECONDS", "15"))

# A shared cache (Redis) when there is more than one app server: sessions are
# kept in the database and cached there, so any server can answer any request.
# Without CACHE_URL each process has its own small memory cache and sessions
# live in the database alone.
CACHE_URL = os.environ.get("CACHE_URL", "")
SESSION_ENGINE = "accounts.sessions.db"
if CACHE_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
    SESSION_ENGINE = "accounts.sessions.cached_db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Either the username or the e-mail address signs in (see accounts/backends.py);
# the throttle comes first so that a locked-out attempt never hashes a password.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.LoginThrottleBackend",
    "accounts.backends.EmailOrUsernameBackend",
]

# Sign-in throttling with django-axes (see accounts/throttling.py). An account
# is locked after AXES_FAILURE_LIMIT failed sign-ins, an address after
# LOGIN_FAILURES_PER_ADDRESS (higher: a whole office may share one), until
# AXES_COOLOFF_TIME has passed since the latest failure; a failure while locked
# starts the wait again. Signing in or resetting the password clears the
# account's failures. State lives in the database, shared by every worker.
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURES_PER_ADDRESS = 30
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_HANDLER = "accounts.throttling.LoginThrottleHandler"
AXES_USERNAME_CALLABLE = "accounts.throttling.account_key"
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.throttling.lockout_response"
# Failures are what the throttle needs; a log of every sign-in is not.
AXES_DISABLE_ACCESS_LOG = True

# Password-reset e-mails: at most this many an hour to one address and from one
# client address, counted alike whether or not an account uses the address.
PASSWORD_RESET_WINDOW = timedelta(hours=1)
PASSWORD_RESETS_PER_EMAIL = 3
PASSWORD_RESETS_PER_CLIENT = 20

# Sign-ins check passwords on this many threads per server process, at a lower
# CPU priority than pages; this many more wait their turn, for at most this
# long, and any beyond are asked to try again in a few seconds (503). Serve with
# more threads than these two together (README, "Production"), so that pages
# always find a free one. See accounts/hashing.py.
PASSWORD_HASHING_THREADS = int(os.environ.get("DJANGO_PASSWORD_HASHING_THREADS", "1"))
PASSWORD_HASHING_QUEUE = int(os.environ.get("DJANGO_PASSWORD_HASHING_QUEUE", "1"))
PASSWORD_HASHING_PATIENCE = timedelta(seconds=10)
PASSWORD_HASHING_NICENESS = int(os.environ.get("DJANGO_PASSWORD_HASHING_NICENESS", "5"))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
# The languages the footer's chooser offers: those with a catalogue in
# LOCALE_PATHS, and English, the language the text is written in. British and
# American English differ in how dates are written (config/formats, Django's).
LANGUAGES = [
    ("en-gb", _("English (UK)")),
    ("en-us", _("English (US)")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The site's own choices for British English, over Django's: 24-hour times.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
# Numbers keep no thousands separator: they also fill ids, URLs and data
# attributes, where "1,234" would break; counts shown as words are localised.
USE_THOUSAND_SEPARATOR = False
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("DJANGO_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Development prints e-mail to the console; production sends it over SMTP.
EMAIL_BACKEND_PATH = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS: dict[str, dict[str, object]] = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("DJANGO_EMAIL_PORT", "587")),
        "username": os.environ.get("DJANGO_EMAIL_USER", ""),
        "password": os.environ.get("DJANGO_EMAIL_PASSWORD", ""),
        "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", True),
    }
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "briefings@localhost")

# Background work (enrolment files, invitation e-mails) is queued in the
# database by django-tasks-db and run by `manage.py db_worker`; no broker to
# run. The test suite runs tasks at once with Django's ImmediateBackend.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Production hardening: on whenever DEBUG is off, each can be turned off
# explicitly for a deployment behind a proxy that already does it.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# A `__Host-` cookie is accepted only with Secure, Path=/ and no Domain, so
# neither a subdomain nor a plain-HTTP page can set or overwrite it. Browsers
# refuse the prefix on http://, so development keeps the plain names.
SESSION_COOKIE_NAME = "__Host-sessionid" if SESSION_COOKIE_SECURE else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if CSRF_COOKIE_SECURE else "csrftoken"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY") else None
)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
