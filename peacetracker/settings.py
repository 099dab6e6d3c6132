"""PeaceTracker settings: one module, driven by environment variables.

Development needs nothing set (SQLite, DEBUG on via `make run`); production must set
SECRET_KEY and ALLOWED_HOSTS, or start-up stops with a clear error.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.forms import Script
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def envsecret(name: str) -> str | None:
    """Read NAME, or the file named by NAME_FILE (Docker secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name)


DEBUG = envbool("DEBUG", False)

SECRET_KEY = envsecret("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY (or SECRET_KEY_FILE) in the environment; "
            "for local development run with DEBUG=true."
        )
    SECRET_KEY = "development-only-key-never-used-with-debug-off-0123456789abcdef"

_hosts = env("ALLOWED_HOSTS", "")
ALLOWED_HOSTS = [h.strip() for h in _hosts.split(",") if h.strip()]
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. Give a comma-separated list of host names, "
            "e.g. ALLOWED_HOSTS=peacetracker.example.org"
        )
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # runserver leaves static files to whitenoise, as production does (Django's own dev
    # handler answers 500 to /static/../ paths).
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    # django-ninja's templates and static files: Swagger UI served from our own origin.
    "ninja",
    "corsheaders",
    # The editors' HTML editor (its static files; apps.core.admin_widgets.HTMLEditorWidget).
    "django_prose_editor",
    "apps.core",
    "apps.drafts",
    "apps.sources",
    "apps.alignment",
    "apps.positions",
    "apps.compare",
    "apps.search",
    "apps.exports",
    "apps.pictures",
    "apps.history",
    "apps.terms",
    "apps.accounts",
    "apps.demo",
    "apps.imports",
    "apps.quality",
    "apps.alerts",
]

MIDDLEWARE = [
    # Every response, a refused Host's and the health check's included, carries an id.
    "apps.core.errors.RequestIdMiddleware",
    # Then forget forwarded headers from untrusted peers, then vet the Host header.
    "apps.core.proxies.ForwardedHeadersMiddleware",
    "apps.core.hosts.HostMiddleware",
    "apps.core.headers.SecurityHeadersMiddleware",
    # CORS headers (and answers to preflights) on /api/ only; above anything that answers.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session and CSRF middlewares: it must see the cookies they set.
    "apps.core.compression.CompressionMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "apps.accounts.throttle.LoginThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "apps.history.middleware.HistoryUserMiddleware",
]

ROOT_URLCONF = "peacetracker.urls"
WSGI_APPLICATION = "peacetracker.wsgi.application"

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
                "apps.core.context_processors.canonical_url",
                "apps.core.context_processors.csrf_placeholder",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL compiles a query to machine code when its estimated cost is high, which
    # the publishing rules' subqueries make it for many of our small reads: tens of
    # milliseconds of compiling for a query that runs in a few (bench/scale.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# An empty STATIC_ROOT= (as in .env.example) means the default, never the working directory.
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files that whitenoise serves with far-future cache headers.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Uploaded files: the documents imported as sources' attachments (apps/imports). They are
# editors' material and not served; docker-compose keeps them in the `media` volume.
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")
MEDIA_URL = "media/"
IMPORT_MAX_FILE_BYTES = envint("IMPORT_MAX_FILE_BYTES", 20 * 1024 * 1024)
IMPORT_MAX_PAGES = envint("IMPORT_MAX_PAGES", 300)

# In development whitenoise serves straight from the app folders; in production it serves
# the collected, hashed files.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Rate limits, login lockouts and cached pages hold across gunicorn workers and hosts
# only in a shared cache: production refuses to start without one. `locmem://` (one
# process's memory) is for the test suite and single-process tools, said out loud.
_cache_url = env("CACHE_URL", "") or ""
if not _cache_url and not DEBUG:
    raise ImproperlyConfigured(
        "CACHE_URL is not set. Production runs several worker processes, and rate limits "
        "and sign-in lockouts only hold across them in a shared cache: set "
        "CACHE_URL=redis://<host>:6379/0 (docker-compose sets redis://cache:6379/0)."
    )
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if _cache_url in {"", "locmem://"}
    else {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}
}

# --- Security -------------------------------------------------------------------------
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (see docker/nginx.conf).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxies (addresses or networks) whose X-Forwarded-* headers are believed; none by
# default. docker/entrypoint.sh gives gunicorn the same list (FORWARDED_ALLOW_IPS).
TRUSTED_PROXIES = [p.strip() for p in (env("TRUSTED_PROXIES") or "").split(",") if p.strip()]
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is not an IP address or network such as 10.0.0.0/24."
        ) from None
# A port in the Host header counts only if it is the one the proxy received the request on.
USE_X_FORWARDED_PORT = True
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in (env("CSRF_TRUSTED_ORIGINS", "") or "").split(",") if o.strip()
]
# No inline script or style anywhere: htmx and our own JS come from static files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# The editors' HTML editor: our own preset (static/peacetracker/html-editor.js) builds the
# editor from the sanitiser's allow-list, without the inline <style> tiptap would inject.
DJANGO_PROSE_EDITOR_PRESETS = {
    "peacetracker": [
        Script("django_prose_editor/editor.js", type="module"),
        Script("peacetracker/html-editor.js", type="module"),
    ],
}

# CORS: any origin may read the API (GET and HEAD) from a browser, without credentials, so
# a page on another site sees only what the public sees. The site and the admin send no
# CORS header at all.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD"]
CORS_EXPOSE_HEADERS = ["ETag"]

# Admin sign-in: failed attempts allowed per client and user name per window (seconds).
LOGIN_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW = envint("LOGIN_FAILURE_WINDOW", 900)

# --- Logs: one JSON object per line on stdout --------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "apps.core.logs.JsonFormatter"}},
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

LOGIN_URL = "admin:login"
# Where a sign-in goes when its `next` is missing or points off the site.
LOGIN_REDIRECT_URL = "admin:index"

# Permanent links: new links one client may create per window (seconds).
FREEZE_RATE_LIMIT = envint("FREEZE_RATE_LIMIT", 20)
FREEZE_RATE_WINDOW = envint("FREEZE_RATE_WINDOW", 3600)

# --- Email alerts (apps/alerts) ------------------------------------------------------------
# Links in emails start with SITE_URL (no trailing slash needed); by default the first
# allowed host over HTTPS (development: the runserver address).
SITE_URL = env("SITE_URL") or (
    "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)
# The SMTP server for confirmation emails and digests (Django 6.1's MAILERS; tests swap
# in the in-memory backend).
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env("EMAIL_HOST") or "localhost",
            "port": envint("EMAIL_PORT", 25),
            "username": env("EMAIL_HOST_USER") or "",
            "password": envsecret("EMAIL_HOST_PASSWORD") or "",
            "use_tls": envbool("EMAIL_USE_TLS", False),
            "use_ssl": envbool("EMAIL_USE_SSL", False),
            "timeout": envint("EMAIL_TIMEOUT", 30),
        },
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL") or "PeaceTracker <alerts@localhost>"
# Follow requests per client, and per address, per window (seconds); confirmation links
# expire after ALERT_CONFIRM_MAX_AGE seconds.
ALERT_RATE_LIMIT = envint("ALERT_RATE_LIMIT", 10)
ALERT_RATE_WINDOW = envint("ALERT_RATE_WINDOW", 3600)
ALERT_ADDRESS_RATE_LIMIT = envint("ALERT_ADDRESS_RATE_LIMIT", 3)
ALERT_ADDRESS_RATE_WINDOW = envint("ALERT_ADDRESS_RATE_WINDOW", 86400)
ALERT_CONFIRM_MAX_AGE = envint("ALERT_CONFIRM_MAX_AGE", 3 * 86400)
