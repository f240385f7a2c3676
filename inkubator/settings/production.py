"""Production settings: refuse to start without SECRET_KEY and ALLOWED_HOSTS; HTTPS everywhere."""

import environ
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

_env = environ.Env()
DEBUG = False
try:
    SECRET_KEY = _env.str("SECRET_KEY")
    ALLOWED_HOSTS = _env.list("ALLOWED_HOSTS")
except ImproperlyConfigured as exc:  # pragma: no cover - exercised by deployment
    raise ImproperlyConfigured(f"Production needs SECRET_KEY and ALLOWED_HOSTS in the environment: {exc}")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("insecure"):
    raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 50 characters.")

SECURE_SSL_REDIRECT = _env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = _env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
