"""Local development: debugging on, a fixed insecure key, SQLite and local memory."""

from .base import *  # noqa: F403
from .base import LOGGING, STORAGES, env, env_list

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# Serve static files straight from the apps and static/ while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Keep the console readable: the demo content would log every page it creates.
LOGGING = {**LOGGING, "loggers": {**LOGGING["loggers"], "wagtail": {"level": "WARNING"}}}
