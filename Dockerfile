# Two stages: build the virtualenv and the static files, then run as a non-root user.
# Release step (before each deploy, not in CMD): docker run --env-file .env IMAGE python manage.py migrate --noinput

FROM python:3.13-slim AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
RUN python -m venv /venv
COPY requirements.lock ./
RUN /venv/bin/pip install --no-cache-dir -r requirements.lock
COPY . .
# collectstatic needs settings to load; these placeholder values are used for this step only.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    WAGTAILADMIN_BASE_URL=http://localhost \
    DJANGO_SETTINGS_MODULE=ishr_site.settings.production \
    /venv/bin/python manage.py collectstatic --noinput

FROM python:3.13-slim AS runtime
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=ishr_site.settings.production \
    PORT=8000
# pg_dump and pg_restore for manage.py backup and restore (README, Backups).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 ishr
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build /app /app
# The code stays read-only for the runtime user; only uploaded media are written.
RUN mkdir -p /app/media && chown ishr:ishr /app/media
USER ishr
EXPOSE 8000
# The web process. The background worker (emails, purges, scheduled publishing) runs as one
# more container of this image, with the
# command `python manage.py run_worker` (see README, Deploying).
CMD ["gunicorn", "ishr_site.wsgi"]
