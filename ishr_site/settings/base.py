"""Settings shared by every environment.

Safe for production by default: debugging is off, and the secret key and allowed hosts come
only from the environment. ``dev.py`` and ``test.py`` relax this explicitly.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env(name, default=None, *, required=False):
    value = os.environ.get(name, default)
    if required and not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable.")
    return value


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def origin_of(url):
    """The scheme and host of an absolute address ("https://cdn.example.org"), else None."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "pagecache",
    "home",
    "topics",
    "updates",
    "stories",
    "newsletter",
    "editorial",
    "sharing",
    "search",
    "demo",
    "django_tasks_db",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # /healthz, before anything that needs the database or checks the Host header.
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The Content Security Policy and the other headers that say what a page may load and who
    # may embed it; outside the page cache, so a cached page gets them as a fresh one does.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "core.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that reads the session or the database: a hit touches neither.
    "pagecache.middleware.PageCacheMiddleware",
    # The request's site, kept between requests (Wagtail looks it up on each one).
    "core.routing.RoutingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a sign-in refused for too many failures into its page (core.logins).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ishr_site.urls"
WSGI_APPLICATION = "ishr_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.navigation",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL (for example postgres://user@host:5432/ishr), else SQLite on disk.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's database search backend uses PostgreSQL's full-text search fields.
    INSTALLED_APPS.append("django.contrib.postgres")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL names a shared Redis.
REDIS_URL = env("REDIS_URL")
# "renditions" is where Wagtail finds the renditions an image already has, by the specs a
# template asks for: kept until the image changes (no timeout), so that a page reads none of
# them from the database.
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
            "TIMEOUT": timeout,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
        for alias, prefix, timeout in [("default", "ishr", 300), ("renditions", "ishr-r", None)]
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        },
    }

# Background work (Django's tasks): "background" is the database queue that the worker
# (manage.py run_worker) runs: newsletter emails, purges of the caches in front, and every
# minute PERIODIC_TASKS. "default" is Wagtail's own, run in-process (it uses the django-tasks
# backport, which reads the same setting).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
PERIODIC_TASKS = [
    "editorial.tasks.publish_scheduled_pages",
    "newsletter.tasks.send_pending_emails",
    "newsletter.tasks.forget_closed_rate_limits",
]

# The page cache (pagecache): public pages, feeds and the sitemap for visitors without a session,
# kept in the cache above and purged by what they show; the keys also go out to the caches in
# front. PAGE_CACHE_ENABLED=0 turns off the app's own copy; VARNISH_PURGE_URLS names the
# Varnish instances that get the purges.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", str(7 * 24 * 3600)))
# Each process keeps its recent entries, and reads the keys' versions again after this long: a
# purge made by another instance reaches it within that time.
PAGE_CACHE_LOCAL_SECONDS = float(env("PAGE_CACHE_LOCAL_SECONDS", "0.5"))
PAGE_CACHE_EXCLUDED_PREFIXES = ("/admin/", "/share/", "/documents/", "/_util/")
PAGE_CACHE_VARNISH_URLS = env_list("VARNISH_PURGE_URLS")
# A CDN in front instead: CDN_BACKEND names Wagtail's frontend cache backend, which gets the
# addresses each change affects (the keys also go out as Surrogate-Key and Cache-Tag headers).
CDN_BACKEND = env("CDN_BACKEND", "")
if CDN_BACKEND == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN", required=True),
            "ZONEID": env("CLOUDFLARE_ZONE_ID", required=True),
        }
    }
elif CDN_BACKEND == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID", required=True),
        }
    }
elif CDN_BACKEND:
    raise ImproperlyConfigured("CDN_BACKEND is either cloudflare or cloudfront.")
# CloudFront drops every address that begins with a path ending in "*" (one invalidation
# path): a listing's filtered and numbered pages go with it. Cloudflare purges by exact
# address only, outside its Enterprise plan.
CDN_PURGES_PREFIXES = CDN_BACKEND == "cloudfront"

# Where the login form of private pages (Wagtail's /_util/login/) leads when it was not sent
# from a page: the home page, not Django's /accounts/profile/, which this site does not have.
LOGIN_REDIRECT_URL = "/"

# Sign-ins are throttled (django-axes, core.logins): the admin's, the private pages' and the
# page passwords. After AXES_FAILURE_LIMIT failures for one account or from one client address
# (IPv6: its /64), attempts are refused for AXES_COOLOFF_TIME, known accounts or not; another
# failure meanwhile starts that time again, and a success clears the account's failures.
# AxesBackend checks first (and, being a ModelBackend too, can load a session's user: tests'
# force_login names the first backend); Django's ModelBackend then checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(env("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
# A success clears its account's failures (core.logins), not those of its client address.
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "core.logins.client_address"
AXES_USERNAME_CALLABLE = "core.logins.account"
AXES_LOCKOUT_CALLABLE = "core.logins.too_many_attempts"
# No record of successful sign-ins (who signed in from where): only the failures it counts.
AXES_DISABLE_ACCESS_LOG = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the site publishes in English, French and Spanish. English pages live
# at the root, French and Spanish ones under /fr/ and /es/, each language with its own page tree
# (Wagtail's locales), translated by editors with wagtail-localize.
LANGUAGE_CODE = "en"
FORMAT_MODULE_PATH = ["ishr_site.formats"]
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin speaks the same three languages: each editor chooses in Account › Preferences.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Zurich"  # ISHR works from Geneva: "today" is Geneva's day
USE_I18N = True
USE_TZ = True

# Static files and media.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = env("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on S3-compatible object storage when a bucket is named; local disk otherwise. Every file
# is stored under a random name (core.images), and the bucket is private: each address a page
# gives is signed and stops working after AWS_QUERYSTRING_EXPIRE seconds, so an image of a draft,
# a private page or a protected story cannot be fetched without an address a page gave out.
# AWS_QUERYSTRING_AUTH=0 gives plain addresses, for a bucket whose policy lets anyone read.
MEDIA_BUCKET = env("AWS_STORAGE_BUCKET_NAME")
MEDIA_SIGNED_URLS = bool(MEDIA_BUCKET) and env_bool("AWS_QUERYSTRING_AUTH", True)
# S3's signatures (SigV4) last 7 days at most.
MEDIA_SIGNATURE_MAX_SECONDS = 7 * 24 * 3600
MEDIA_SIGNATURE_SECONDS = int(env("AWS_QUERYSTRING_EXPIRE", str(MEDIA_SIGNATURE_MAX_SECONDS)))
if MEDIA_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": None,  # the bucket's own: private unless its policy says otherwise
            "querystring_auth": MEDIA_SIGNED_URLS,
            "querystring_expire": MEDIA_SIGNATURE_SECONDS,
            "file_overwrite": False,
        },
    }


def page_cache_seconds_for_signed_media(signature_seconds):
    """The longest a page may be cached when the images it names are signed for
    ``signature_seconds``: an address must still work when the last copy of the page that gives
    it is shown. A fragment kept by the app (``{% kept %}``) may go into a response as it
    expires, that response is kept as long, and Varnish or a CDN may take it as it expires and
    keep it as long again (s-maxage); then a visitor may keep the page open for a day."""
    return (signature_seconds - 24 * 3600) // 3


if MEDIA_SIGNED_URLS:
    if not 0 < MEDIA_SIGNATURE_SECONDS <= MEDIA_SIGNATURE_MAX_SECONDS:
        raise ImproperlyConfigured(
            f"AWS_QUERYSTRING_EXPIRE is at most {MEDIA_SIGNATURE_MAX_SECONDS} seconds (7 days): "
            "S3 refuses a signature that lasts longer."
        )
    if env("AWS_S3_CUSTOM_DOMAIN"):
        raise ImproperlyConfigured(
            "AWS_S3_CUSTOM_DOMAIN gives unsigned addresses, which a private bucket refuses: "
            "leave it unset, or set AWS_QUERYSTRING_AUTH=0 for a bucket anyone may read."
        )
    longest = page_cache_seconds_for_signed_media(MEDIA_SIGNATURE_SECONDS)
    if longest < 3600:
        raise ImproperlyConfigured(
            "AWS_QUERYSTRING_EXPIRE is too short for cached pages: give it at least 27 hours "
            "(a day for a page left open, and three times the shortest page cache, an hour)."
        )
    if "PAGE_CACHE_SECONDS" not in os.environ:
        PAGE_CACHE_SECONDS = min(PAGE_CACHE_SECONDS, longest)
    elif longest < PAGE_CACHE_SECONDS:
        raise ImproperlyConfigured(
            f"PAGE_CACHE_SECONDS is at most {longest} with images signed for "
            f"{MEDIA_SIGNATURE_SECONDS} seconds (AWS_QUERYSTRING_EXPIRE): a cached page would "
            "name images whose addresses no longer work."
        )
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Security headers that hold in every environment.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail allows its own preview frames per view
SESSION_COOKIE_HTTPONLY = True

# Content Security Policy (Django's own, django.middleware.csp). Public pages run no script of
# their own and have no inline style: everything comes from this site, nothing may embed them,
# and no nonce is used, so a page kept in a cache carries a policy as valid as a fresh one.
# Wagtail's user bar (for signed-in editors) loads its scripts from /static/ too.
# EMBED_FRAME_SOURCES are the sites whose players the "Embedded media" block may show; a post
# from elsewhere shows its "open on its own site" link instead.
EMBED_FRAME_SOURCES = env_list(
    "EMBED_FRAME_SOURCES",
    "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com",
)


def bucket_origins():
    """Where a page's images come from when they are in the bucket: its custom domain, else
    its endpoint (path-style addresses) and the bucket's own host there (virtual-hosted ones),
    else AWS's hosts for the bucket. MEDIA_ORIGINS (comma-separated) names them instead."""
    if named := env_list("MEDIA_ORIGINS"):
        return named
    if not MEDIA_BUCKET:
        return []
    if domain := env("AWS_S3_CUSTOM_DOMAIN"):
        return [f"https://{domain}"]
    if endpoint := env("AWS_S3_ENDPOINT_URL"):
        parts = urlsplit(endpoint)
        return [origin_of(endpoint), f"{parts.scheme}://{MEDIA_BUCKET}.{parts.netloc}"]
    region = env("AWS_S3_REGION_NAME")
    hosts = [f"{MEDIA_BUCKET}.s3.amazonaws.com"]
    if region:
        hosts += [f"{MEDIA_BUCKET}.s3.{region}.amazonaws.com", f"s3.{region}.amazonaws.com"]
    return [f"https://{host}" for host in hosts]


# Images come from the site, from MEDIA_URL's site when it is another one (a CDN), and from the
# bucket.
MEDIA_SOURCES = list(
    dict.fromkeys([CSP.SELF, *filter(None, [origin_of(MEDIA_URL)]), *bucket_origins()])
)
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": MEDIA_SOURCES,
    "media-src": MEDIA_SOURCES,
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "frame-src": EMBED_FRAME_SOURCES,
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Wagtail's admin (ishr_site/urls.py) has its own: its pages carry inline scripts and styles
# (form widgets, panels), it shows uploads being chosen (blob:) and its own previews in frames.
# What it still forbids: plugins, other sites' scripts, being framed by any other site, and
# forms or a <base> that lead elsewhere.
ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [*MEDIA_SOURCES, "data:", "blob:"],
    "media-src": MEDIA_SOURCES,
    "frame-src": [CSP.SELF, *EMBED_FRAME_SOURCES],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
# Features no page of the site uses, off for the page and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    )
}
# Other sites may link to the site's pages but not load them as a resource (a script, an
# image or a frame's document): a response is for this site's own pages only.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"

# Wagtail.
WAGTAIL_SITE_NAME = _("International Service for Human Rights")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
# Refuses a damaged upload with a message on the form, and strips location metadata.
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: the admin would send a hash of each editor's email address to a
# third party on every page view.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Email: SMTP configured from the environment (dev.py prints to the console instead).
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env("EMAIL_HOST", "localhost"),
            "port": int(env("EMAIL_PORT", "587")),
            "username": env("EMAIL_HOST_USER", ""),
            "password": env("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            "timeout": 10,
        },
    }
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "ISHR <no-reply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # One line per background task run is noise: Wagtail runs its tasks in-process; and
    # django-axes says at every start which version runs: only its warnings (lockouts) here.
    "loggers": {"django_tasks": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# Newsletter (Join us): double opt-in and the limits that keep scripts out.
NEWSLETTER_CONFIRMATION_MAX_AGE = 7 * 24 * 3600  # seconds a confirmation link works
NEWSLETTER_MIN_FORM_SECONDS = 3  # a form sent back sooner was sent by a script
# A form's signed time stamp works this long (a page kept in a cache for its whole life, then
# left open for a day); an older one is sent back to be sent again.
NEWSLETTER_FORM_MAX_SECONDS = PAGE_CACHE_SECONDS + 24 * 3600
NEWSLETTER_RATE_LIMIT_PER_IP = (10, 3600)  # signups per client address, per window (seconds)
NEWSLETTER_RATE_LIMIT_PER_EMAIL = (3, 24 * 3600)  # signups per email address, per window
NEWSLETTER_EMAIL_MAX_ATTEMPTS = 10  # sending attempts per email before giving up
# Seconds before an email that failed is tried again, twice as long after each failure (and
# the worker's periodic tasks, every minute, pick it up): short only to test an outage.
NEWSLETTER_EMAIL_RETRY_SECONDS = int(env("NEWSLETTER_EMAIL_RETRY_SECONDS", "60"))
# How many proxies in front of the site append to X-Forwarded-For: 0 uses REMOTE_ADDR.
NEWSLETTER_TRUSTED_PROXY_COUNT = int(env("NEWSLETTER_TRUSTED_PROXY_COUNT", "0"))
