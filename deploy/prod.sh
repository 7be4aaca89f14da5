#!/usr/bin/env bash
# The production stack on one machine, without containers:
#
#   Varnish (FRONT_PORT, 8080)  ->  gunicorn, two instances (APP1_PORT 8001, APP2_PORT 8002)
#                                   nginx for /media/ (MEDIA_PORT 8003)
#   PostgreSQL (DATABASE_URL), Redis (REDIS_URL), the background worker (manage.py run_worker:
#   emails, purges of Varnish, scheduled publishing)
#
# Production settings throughout, over plain HTTP on 127.0.0.1 (no TLS here: the HTTPS
# redirect and HSTS are off; a real deployment terminates TLS in front of Varnish).
#
#   deploy/prod.sh start   start everything in the background (PROD_DIR, default .prod/)
#   deploy/prod.sh stop    stop everything it started
#   deploy/prod.sh run     start, then stop on Ctrl-C (make prod)
#
# Needs Debian's varnish, varnish-modules, nginx and redis-server, and PostgreSQL (local, or
# DATABASE_URL): apt-get install varnish varnish-modules nginx redis-server postgresql
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

FRONT_PORT="${FRONT_PORT:-8080}"
APP1_PORT="${APP1_PORT:-8001}"
APP2_PORT="${APP2_PORT:-8002}"
MEDIA_PORT="${MEDIA_PORT:-8003}"
REDIS_PORT="${REDIS_PORT:-6379}"
PROD_DIR="$(realpath -m "${PROD_DIR:-$ROOT/.prod}")"
PYTHON="${PYTHON_BIN:-$ROOT/.venv/bin/python}"
GUNICORN="$(dirname "$PYTHON")/gunicorn"

export DJANGO_SETTINGS_MODULE=ishr_site.settings.production
export DATABASE_URL="${DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/ishr_prod}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/1}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$FRONT_PORT}"
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-0}"
export SECURE_HSTS_SECONDS="${SECURE_HSTS_SECONDS:-0}"
export MEDIA_ROOT="${MEDIA_ROOT:-$PROD_DIR/media}"
export STATIC_ROOT="${STATIC_ROOT:-$PROD_DIR/static}"
export VARNISH_PURGE_URLS="${VARNISH_PURGE_URLS:-http://127.0.0.1:$FRONT_PORT/}"
export WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}"
# Varnish appends the client's address to X-Forwarded-For: one proxy, for the signup limits
# (with 0, every visitor would share Varnish's address and its limit).
export NEWSLETTER_TRUSTED_PROXY_COUNT="${NEWSLETTER_TRUSTED_PROXY_COUNT:-1}"
export EMAIL_HOST="${EMAIL_HOST:-127.0.0.1}" EMAIL_PORT="${EMAIL_PORT:-1025}" EMAIL_USE_TLS="${EMAIL_USE_TLS:-0}"

log() { printf '[prod] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

need() {
    local missing=()
    for tool in varnishd nginx redis-server; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    [ -e /usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so ] \
        || ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || missing+=(varnish-modules)
    [ -x "$GUNICORN" ] || die "No gunicorn at $GUNICORN: run make install first."
    if [ ${#missing[@]} -gt 0 ]; then
        die "Missing: ${missing[*]}. Install them: apt-get install varnish varnish-modules nginx redis-server"
    fi
}

secret_key() {
    if [ -z "${SECRET_KEY:-}" ]; then
        [ -s "$PROD_DIR/secret_key" ] || "$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))' > "$PROD_DIR/secret_key"
        SECRET_KEY="$(cat "$PROD_DIR/secret_key")"
    fi
    export SECRET_KEY
}

wait_for() {  # wait_for NAME URL [SECONDS]
    local name="$1" url="$2" seconds="${3:-30}"
    for _ in $(seq 1 $((seconds * 5))); do
        if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
        sleep 0.2
    done
    die "$name did not answer at $url within ${seconds}s (logs in $PROD_DIR)"
}

start_redis() {
    if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
        log "Redis already answers on $REDIS_PORT"
        return
    fi
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --dir "$PROD_DIR" --daemonize yes --pidfile "$PROD_DIR/redis.pid" \
        --logfile "$PROD_DIR/redis.log" --maxmemory 256mb --maxmemory-policy allkeys-lru
    echo "redis" >> "$PROD_DIR/started"
}

start_postgres() {
    if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then return; fi
    command -v pg_ctlcluster >/dev/null 2>&1 || die "PostgreSQL is not running: apt-get install postgresql, or set DATABASE_URL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && return; sleep 1; done
    die "PostgreSQL did not start"
}

create_database() {
    "$PYTHON" - <<'EOF'
import os
from urllib.parse import urlsplit

import psycopg

url = urlsplit(os.environ["DATABASE_URL"])
name = url.path.lstrip("/")
admin = url._replace(path="/postgres").geturl()
with psycopg.connect(admin, autocommit=True) as connection:
    exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if not exists:
        connection.execute(f'CREATE DATABASE "{name}"')
        print(f"[prod] created database {name}")
EOF
}

prepare() {
    log "Migrating, collecting static files, loading the demo content"
    # Varnish starts afterwards, empty: nothing to purge yet; and the loader's page-by-page
    # log is not for this console.
    local -x VARNISH_PURGE_URLS="" LOG_LEVEL=WARNING
    "$PYTHON" manage.py migrate --noinput -v 0
    "$PYTHON" manage.py collectstatic --noinput -v 0
    "$PYTHON" manage.py load_demo_content -v 0
    # An editor's account, when asked for (the demo accounts are for development only).
    if [ -n "${PROD_ADMIN_PASSWORD:-}" ]; then
        DJANGO_SUPERUSER_PASSWORD="$PROD_ADMIN_PASSWORD" "$PYTHON" manage.py createsuperuser \
            --noinput --username admin --email admin@example.org >/dev/null 2>&1 || true
    fi
}

start_app() {  # start_app NAME PORT
    # Reachable only through Varnish on this machine: the client's address it forwards can
    # then be trusted (NEWSLETTER_TRUSTED_PROXY_COUNT below).
    PORT="$2" "$GUNICORN" ishr_site.wsgi --bind "127.0.0.1:$2" --daemon --pid "$PROD_DIR/$1.pid" \
        --access-logfile "$PROD_DIR/$1-access.log" --error-logfile "$PROD_DIR/$1.log"
    echo "$1" >> "$PROD_DIR/started"
}

start_worker() {
    nohup "$PYTHON" manage.py run_worker > "$PROD_DIR/worker.log" 2>&1 &
    echo $! > "$PROD_DIR/worker.pid"
    echo "worker" >> "$PROD_DIR/started"
}

start_nginx() {
    mkdir -p "$PROD_DIR/nginx-tmp"
    sed -e "s|@RUN_DIR@|$PROD_DIR|g; s|@MEDIA_PORT@|$MEDIA_PORT|g; s|@MEDIA_ROOT@|$MEDIA_ROOT|g" \
        -e "s|@USER@|$(id -un) $(id -gn)|" \
        deploy/nginx/media.conf > "$PROD_DIR/nginx.conf"
    nohup nginx -c "$PROD_DIR/nginx.conf" -p "$PROD_DIR" > "$PROD_DIR/nginx.log" 2>&1 &
    echo "nginx" >> "$PROD_DIR/started"
}

start_varnish() {
    sed -e "s|@APP1_PORT@|$APP1_PORT|; s|@APP2_PORT@|$APP2_PORT|; s|@MEDIA_PORT@|$MEDIA_PORT|" \
        deploy/varnish/default.vcl > "$PROD_DIR/default.vcl"
    # -j none: no jail, as the user running this (the VCL may sit in a private folder).
    varnishd -n "$PROD_DIR/varnish" -j none -a "127.0.0.1:$FRONT_PORT" -f "$PROD_DIR/default.vcl" \
        -s "malloc,${VARNISH_MEMORY:-256m}" -P "$PROD_DIR/varnish.pid" -T none
    echo "varnish" >> "$PROD_DIR/started"
}

start() {
    need
    mkdir -p "$PROD_DIR" "$MEDIA_ROOT"
    [ ! -s "$PROD_DIR/started" ] || die "Already started (deploy/prod.sh stop first)"
    trap 'log "Start failed: stopping what started"; stop' ERR
    : > "$PROD_DIR/started"
    secret_key
    start_postgres
    create_database
    start_redis
    prepare
    start_app app1 "$APP1_PORT"
    start_app app2 "$APP2_PORT"
    start_worker
    start_nginx
    start_varnish
    wait_for "gunicorn (app1)" "http://127.0.0.1:$APP1_PORT/robots.txt"
    wait_for "gunicorn (app2)" "http://127.0.0.1:$APP2_PORT/robots.txt"
    wait_for "Varnish" "http://127.0.0.1:$FRONT_PORT/robots.txt"
    log "Up: the site at http://127.0.0.1:$FRONT_PORT/ (Varnish), its instances at :$APP1_PORT and :$APP2_PORT, media through nginx at :$MEDIA_PORT"
}

stop_pidfile() {
    local file="$PROD_DIR/$1.pid" pid
    if [ -s "$file" ]; then
        pid="$(cat "$file")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        rm -f "$file"
    fi
}

stop() {
    [ -f "$PROD_DIR/started" ] || { log "Nothing started in $PROD_DIR"; return; }
    for name in varnish nginx worker app1 app2 redis; do
        if grep -qx "$name" "$PROD_DIR/started"; then stop_pidfile "$name"; fi
    done
    rm -f "$PROD_DIR/started"
    log "Stopped"
}

case "${1:-run}" in
    start) start ;;
    stop) stop ;;
    run)
        trap stop EXIT INT TERM
        start
        log "Ctrl-C stops everything"
        while sleep 3600; do :; done
        ;;
    *) die "usage: deploy/prod.sh start|stop|run" ;;
esac
