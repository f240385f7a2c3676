"""Settings read from the environment (see .env.example). Defaults suit the SQLite demo."""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "inkubator"
VAR_DIR = Path(environ.Env().str("INKUBATOR_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="insecure-development-key-change-me-0123456789abcdefghijklmnop")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    # The stack, bottom to top (ADR 0014): each app imports only the apps listed before it.
    "inkubator.core",
    "inkubator.regions",
    "inkubator.accounts",
    "inkubator.centres",
    "inkubator.access",
    "inkubator.assessment",
    "inkubator.selection",
    "inkubator.api",
    "inkubator.programme",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Indonesian unless the account or a cookie says otherwise; never the browser's Accept-Language.
    "inkubator.accounts.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "inkubator.core.middleware.RequestIdMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "inkubator.urls"
WSGI_APPLICATION = "inkubator.wsgi.application"
ASGI_APPLICATION = "inkubator.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "inkubator.programme.context_processors.navigation",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'inkubator.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while a job writes; IMMEDIATE avoids "database is locked" on upgrades.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
            "transaction_mode": "IMMEDIATE",
        }
    )
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "programme:home"
LOGOUT_REDIRECT_URL = "programme:home"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Off: with it on, every integer in a template is grouped, and years read "2.021". Counts that need grouping
# say so (`angka`, `intcomma`); decimals still follow the language (0,15 / 0.15).
USE_THOUSAND_SEPARATOR = False
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60  # an anonymous visitor's choice lasts a year

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# Only what pages load is collected, hashed and compressed (core.staticfiles): from npm packages the files
# listed here, from Django's admin and django-ninja all but what no page of theirs loads.
NODE_MODULES = BASE_DIR / "node_modules"
INKUBATOR_STATIC_FILES = {
    "vendor/bootstrap": (
        NODE_MODULES / "bootstrap" / "dist",
        [
            "css/bootstrap.min.css",
            "css/bootstrap.min.css.map",  # named by the CSS (sourceMappingURL): the manifest needs it
            "js/bootstrap.bundle.min.js",
            "js/bootstrap.bundle.min.js.map",
        ],
    ),
    "vendor/htmx": (NODE_MODULES / "htmx.org" / "dist", ["htmx.min.js"]),
    "vendor/echarts": (NODE_MODULES / "echarts" / "dist", ["echarts.min.js"]),
}
INKUBATOR_STATIC_IGNORE = [
    "xregexp",  # admin ships it, no admin page loads it (Django 5.2)
    "redoc.standalone.js*",  # django-ninja's alternative docs page; ours is Swagger UI
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "inkubator.core.staticfiles.ListedFilesFinder",
    "inkubator.core.staticfiles.AppDirectoriesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Pages load the hashed names only (the manifest); compressing the unhashed copies too doubled the work.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
# Source maps are fetched by developer tools only: not worth compressing (brotli takes seconds per MB).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]
# Uploaded and generated files (imports, exports, job results) live outside the static tree and are
# only ever served through views that check scope.
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media-not-served/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
INKUBATOR_IMPORT_MAX_BYTES = env.int("INKUBATOR_IMPORT_MAX_BYTES", default=10 * 1024 * 1024)
INKUBATOR_IMPORT_MAX_ROWS = env.int("INKUBATOR_IMPORT_MAX_ROWS", default=20000)
# Evidence photos and PDFs of assessments: one file at most this size (type sniffed from content).
INKUBATOR_EVIDENCE_MAX_BYTES = env.int("INKUBATOR_EVIDENCE_MAX_BYTES", default=8 * 1024 * 1024)

# Background work: the database backend when a worker runs (`inkubator db_worker`), inline otherwise.
TASKS_BACKEND = env.str("TASKS_BACKEND", default="immediate")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-free meta tag; kept default
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

NINJA_PAGINATION_MAX_LIMIT = 500

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint reports every rendering step at INFO; only problems matter in the logs.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
AXES_VERBOSE = False
