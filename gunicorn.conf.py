"""gunicorn settings, read from the environment. gunicorn loads this file from the working
directory; WEB_CONCURRENCY (number of workers) is read by gunicorn itself."""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
# A fixed default: inside a container cpu_count() reports the host's cores, not the quota.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
logger_class = "ishr_site.gunicorn_logging.RedactingLogger"  # no share-link tokens in the log
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
