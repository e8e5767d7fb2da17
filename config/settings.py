"""PutRight settings: one module, every deployment difference read from the environment.

DATABASE_URL      default sqlite:///var/putright.sqlite3 (the embedded default); postgres://... in production
SECRET_KEY        required when DEBUG is off
DEBUG             "1" for local development (make run sets it)
PUTRIGHT_ALLOW_DEV_SECRET  "1" lets tests and local tools run without a SECRET_KEY (make sets it)
ALLOWED_HOSTS     comma-separated; default localhost names
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = os.environ.get("DEBUG", "") == "1"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and os.environ.get("PUTRIGHT_ALLOW_DEV_SECRET") != "1":
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off (PUTRIGHT_ALLOW_DEV_SECRET=1 allows a development key, "
            "as `make test` does)"
        )
    SECRET_KEY = "insecure-development-key-never-used-in-production"
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",  # staff sign-in: two-factor authentication (see the block at the end)
    "django_otp.plugins.otp_totp",
    "axes",  # staff sign-in: lockout after repeated failures
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "putright.organisations",
    "putright.accounts",
    "putright.customers",
    "putright.cases",
    "putright.reminders",
    "putright.letters",
    "putright.triage",
    "putright.reporting",
    "putright.demo",
    "putright.backoffice",
    "putright.submissions",
    "putright.residents",
    "putright.ombudsman",
    "putright.surveys",
    "putright.governance",
    "putright.portal",
    "putright.api",
]

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): signed in with a second factor
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the lockout page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

(BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'putright.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default runs a web server, a task worker and the reminder scheduler on one file: writers
    # wait for each other (timeout) and take the write lock when a transaction starts (IMMEDIATE), instead of
    # failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles any query it estimates as costly before running it; for the Board pack and TSM
    # aggregates over a large landlord that compiling took most of the time (bench/README.md, reports), and no
    # query here runs long enough to repay it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# GOV.UK Frontend, built from npm by `make frontend` into putright/static/vendor/ (not committed).
STATICFILES_DIRS = [BASE_DIR / "putright" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Files attached to cases (putright/cases/services/notes.py): kept by the default storage under MEDIA_ROOT,
# never served from it directly (downloads go through a view that checks who may see the case).
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "uploads"))
PUTRIGHT_ATTACHMENT_MAX_BYTES = int(os.environ.get("PUTRIGHT_ATTACHMENT_MAX_MB", "20")) * 1024 * 1024

# Email: SMTP in production (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS);
# with DEBUG, messages are written to var/sent-email/ instead of being sent. Tests use Django's outbox.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = BASE_DIR / "var" / "sent-email"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PutRight <no-reply@putright.invalid>")
# Email intake (putright/triage/): the mailboxes `manage.py poll_mailboxes` reads, as a JSON list of
# {"address", "landlord" (its slug), "host", "port", "user", "password", "folder"}; none by default. A larger
# message is rejected with the reason; a larger attachment is refused and the rest of the message kept.
PUTRIGHT_MAILBOXES = os.environ.get("PUTRIGHT_MAILBOXES", "")
PUTRIGHT_EMAIL_MAX_BYTES = int(os.environ.get("PUTRIGHT_EMAIL_MAX_MB", "50")) * 1024 * 1024
PUTRIGHT_EMAIL_ATTACHMENT_MAX_BYTES = int(os.environ.get("PUTRIGHT_EMAIL_ATTACHMENT_MAX_MB", "20")) * 1024**2


SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# REST API v1 (putright/api/): token auth for staff and integrations, session auth for the browsable API;
# errors are application/problem+json (RFC 9457); the OpenAPI document is committed at docs/openapi.yaml.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "putright.api.auth.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "putright.api.errors.problem_exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "PutRight API",
    "DESCRIPTION": (
        "Complaints and feedback case management for UK social housing landlords. Every path is under a "
        "landlord the caller holds a role at; errors are application/problem+json (RFC 9457)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "KindEnum": "putright.cases.models.KIND_CHOICES",
        "StatusEnum": "putright.cases.models.STATUS_CHOICES",
        "ChannelEnum": "putright.customers.models.Channel",
        "CustomerTypeEnum": "putright.customers.models.Customer.Type",
        "OutcomeEnum": "putright.cases.models.Stage.Outcome",
        "RemedyTypeEnum": "putright.cases.models.Remedy.Type",
        "DecisionTypeEnum": "putright.cases.models.Decision.Type",
        "ComplaintChoiceEnum": "putright.api.serializers.COMPLAINT_CHOICES",
        "AdjustmentTypeEnum": "putright.customers.models.Adjustment.Type",
        "RestrictionStatusEnum": "putright.customers.models.Restriction.Status",
    },
}

# Staff sign-in (putright/backoffice/auth/): email and password (argon2, above), lockout by django-axes,
# TOTP two-factor by django-otp (optional for every role, required for administrators), password reset by
# email. Pages that need a signed-in member of staff use putright.backoffice.auth.access.staff_required.
LOGIN_URL = "backoffice:sign-in"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out email and address before any password is checked. It counts
    # only sign-ins made through a request (the sign-in form): the API's token and session authentication
    # never call authenticate(), and a call without a request (a test client's login) is not counted.
    "putright.backoffice.auth.backends.SignInLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60  # seconds a password reset link works for
# Lockout: 5 failures for the same email address from the same IP address lock that pair out for 15
# minutes (each further try restarts the 15 minutes); a successful sign-in or a password reset clears the
# count. Every failure is kept (AccessAttempt, AccessFailureLog) and so is every sign-in (AccessLog).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
"""How many reverse proxies stand in front of the web processes (0: clients connect directly). Sign-in
lockouts take the client's address from X-Forwarded-For only this far (putright.accounts.client_ip)."""
AXES_CLIENT_IP_CALLABLE = "putright.accounts.client_ip.client_ip"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "putright.backoffice.auth.backends.lockout_username"
AXES_LOCKOUT_CALLABLE = "putright.backoffice.auth.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "email", "ip_address", "csrfmiddlewaretoken"]
# Two-factor: time-based codes (RFC 6238) from an authenticator app. A wrong code makes the next try wait
# 1, 2, 4, 8 ... seconds (django-otp's throttling).
OTP_TOTP_ISSUER = "PutRight"
OTP_TOTP_THROTTLE_FACTOR = 1
