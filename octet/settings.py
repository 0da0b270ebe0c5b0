"""Octet settings, read from environment variables (documented in README.md).

Development needs none of them: DEBUG is off unless asked, but `make run` asks for it and the
database falls back to an SQLite file under var/. Production sets DEBUG=0, SECRET_KEY,
ALLOWED_HOSTS and DATABASE_URL, and then every deployment check passes.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_str(name: str, default: str) -> str:
    """A variable's value; its default when it is unset or blank (`FOO=` in a compose file or
    a unit file means "not set", not "empty", for every setting that has a default)."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_int(name: str, default: int) -> int:
    value = env_str(name, str(default))
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("OCTET_TESTING", False)

_DEV_SECRET_KEY = "django-insecure-octet-development-key-never-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see README.md).")
    SECRET_KEY = _DEV_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or TESTING) else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "octet.core",
    "octet.accounts",
    "octet.content",
    "octet.evaluation",
    "octet.learning",
    "octet.orga",
    "octet.certification",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost, with the CSP's: also on the pages made below it (400 for a host, 405).
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "octet.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "octet.accounts.middleware.AccountLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "octet.core.middleware.NulCharacterRefusedMiddleware",  # the 400 page, in one's language
    "octet.core.middleware.MethodNotAllowedPageMiddleware",
]

ROOT_URLCONF = "octet.urls"
WSGI_APPLICATION = "octet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "octet.core.context_processors.here",
            ],
        },
    },
]

# The embedded SQLite file is the zero-setup default; PostgreSQL in production and CI.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASE_URL = f"sqlite:///{BASE_DIR / 'var' / 'octet.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction takes SQLite's write lock when it begins, so that concurrent ones wait for
    # it (up to the timeout) instead of failing at once with "database is locked" when a read
    # turns into a write, e.g. a class of pupils signing in at the same moment.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["octet.accounts.backends.EmailOrUsernameBackend"]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "learning:profile"
LOGOUT_REDIRECT_URL = "core:home"

PASSWORD_HASHERS = [
    "octet.accounts.hashers.Argon2Hasher",  # Argon2id, OWASP's 46 MiB setting (see there)
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "octet.accounts.validators.MaximumLengthValidator"},  # what sign-in accepts
    {"NAME": "octet.accounts.validators.CharacterClassesValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 24 * 60 * 60

# Sign-in throttling: from SLOW_AFTER failures an identifier must wait before the next try,
# and after LOCK_AFTER failures it is locked for LOCK_MINUTES.
OCTET_SIGN_IN_SLOW_AFTER = 3
OCTET_SIGN_IN_LOCK_AFTER = 8
OCTET_SIGN_IN_LOCK_MINUTES = 15
# At most this many password-reset e-mails per account in this many minutes.
OCTET_PASSWORD_RESET_LIMIT = 3
OCTET_PASSWORD_RESET_WINDOW_MINUTES = 60
OCTET_TERMS_VERSION = "2026-11"

LANGUAGE_CODE = env_str("DEFAULT_LANGUAGE", "fr").lower()
if LANGUAGE_CODE not in {"fr", "en"}:
    raise ImproperlyConfigured(
        f"DEFAULT_LANGUAGE must be fr or en, not {LANGUAGE_CODE!r} (see README.md)."
    )
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "octet" / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
USE_I18N = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Paris")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
# In development and tests, static files are served straight from the apps' folders.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if (DEBUG or TESTING)
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Octet <no-reply@octet.localhost>")

# Security: strict by default, relaxed only for local HTTP development and tests.
SECURE = not (DEBUG or TESTING)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31_536_000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "octet.core.views.csrf_failure"
# Served by ContentSecurityPolicyMiddleware; simulators get their own, stricter header.
OCTET_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO").upper()},
    "loggers": {"django.request": {"level": "ERROR"}},
}
