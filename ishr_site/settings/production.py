"""Production: everything sensitive from the environment, HTTPS enforced, static files
compressed and fingerprinted by whitenoise. Media on S3-compatible object storage is set up in
``base.py``, from the same environment."""

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = False
SECRET_KEY = env("SECRET_KEY", required=True)
env("ALLOWED_HOSTS", required=True)
env("DATABASE_URL", required=True)
# Admin emails and links (moderation, password resets) must point at the real site.
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", required=True)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Logs as one JSON object a line (``ishr_site.logs``), without the tokens addresses carry;
# LOG_FORMAT=text for plain lines.
if env("LOG_FORMAT", "json") == "json":
    LOGGING = {
        **LOGGING,  # noqa: F405
        "formatters": {"json": {"()": "ishr_site.logs.JsonFormatter"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    }
