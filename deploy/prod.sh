#!/usr/bin/env bash
# The production stack on one machine, without containers:
#
#   Varnish (FRONT_PORT, 8080)  ->  gunicorn, two instances (APP1_PORT 8001, APP2_PORT 8002)
#                                   nginx for /media/ (MEDIA_PORT 8003)
#   PostgreSQL, Redis, a mail server, the background worker (manage.py run_worker: emails,
#   purges of Varnish, scheduled publishing)
#
# Production settings throughout, over plain HTTP on 127.0.0.1 (no TLS here: the HTTPS
# redirect and HSTS are off; a real deployment terminates TLS in front of Varnish).
#
#   deploy/prod.sh start   start everything in the background (PROD_DIR, default .prod/)
#   deploy/prod.sh stop    stop everything it started
#   deploy/prod.sh run     start, then stop on Ctrl-C (make prod)
#   deploy/prod.sh service stop|start postgres|redis|mail
#                          stop or start again one service it started, the rest running (with
#                          the environment it was started with): what an outage looks like
#
# STACK_SERVICES says where PostgreSQL, Redis and the mail server come from:
#   own (the default)  the stack runs its own, kept in PROD_DIR: a PostgreSQL cluster
#                      (PROD_DIR/postgres, on PG_PORT 8432), Redis (REDIS_PORT 8379, nothing
#                      saved to disk) and a mail server that keeps every message it receives
#                      (PROD_DIR/mail/new/, on MAIL_PORT 8025). DATABASE_URL, REDIS_URL and
#                      EMAIL_HOST/EMAIL_PORT are set to them. Nothing else on the machine is
#                      used or stopped; as root, PostgreSQL runs as the postgres user.
#   system             the machine's: DATABASE_URL (the local server on 5432, started if it
#                      is not running), REDIS_URL (Redis on REDIS_PORT, 6379, started if none
#                      answers) and the SMTP server at EMAIL_HOST:EMAIL_PORT (127.0.0.1:1025).
#
# Needs Debian's varnish, varnish-modules, nginx, redis-server and postgresql (its programs;
# with STACK_SERVICES=system, a server), and the dev dependencies (make install) for the mail
# server: apt-get install varnish varnish-modules nginx redis-server postgresql
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

STACK_SERVICES="${STACK_SERVICES:-own}"
FRONT_PORT="${FRONT_PORT:-8080}"
APP1_PORT="${APP1_PORT:-8001}"
APP2_PORT="${APP2_PORT:-8002}"
MEDIA_PORT="${MEDIA_PORT:-8003}"
PROD_DIR="$(realpath -m "${PROD_DIR:-$ROOT/.prod}")"
PYTHON="${PYTHON_BIN:-$ROOT/.venv/bin/python}"
GUNICORN="$(dirname "$PYTHON")/gunicorn"

case "$STACK_SERVICES" in
    own)
        PG_PORT="${PG_PORT:-8432}"
        REDIS_PORT="${REDIS_PORT:-8379}"
        MAIL_PORT="${MAIL_PORT:-8025}"
        # The stack's own services: whatever the environment named is not used. Its PostgreSQL
        # asks for a password (PG_PASSWORD, else the one kept in PROD_DIR, else a new one made
        # when the cluster is created): any user of this machine can reach 127.0.0.1.
        PG_PASSWORD="${PG_PASSWORD:-$(cat "$PROD_DIR/postgres_password" 2>/dev/null || true)}"
        export DATABASE_URL="postgres://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT/ishr_prod"
        export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1"
        export EMAIL_HOST=127.0.0.1 EMAIL_PORT="$MAIL_PORT" EMAIL_USE_TLS=0
        export EMAIL_HOST_USER="" EMAIL_HOST_PASSWORD=""
        ;;
    system)
        REDIS_PORT="${REDIS_PORT:-6379}"
        export DATABASE_URL="${DATABASE_URL:-postgres://postgres:postgres@127.0.0.1:5432/ishr_prod}"
        export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/1}"
        export EMAIL_HOST="${EMAIL_HOST:-127.0.0.1}" EMAIL_PORT="${EMAIL_PORT:-1025}"
        export EMAIL_USE_TLS="${EMAIL_USE_TLS:-0}"
        ;;
    *)
        printf '[prod] STACK_SERVICES is own or system, not %s\n' "$STACK_SERVICES" >&2
        exit 1
        ;;
esac

export DJANGO_SETTINGS_MODULE=ishr_site.settings.production
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
# How often the worker queues its periodic tasks (scheduled publishing, emails to retry).
WORKER_EVERY_SECONDS="${WORKER_EVERY_SECONDS:-60}"

log() { printf '[prod] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

need() {
    local missing=()
    for tool in varnishd nginx redis-server; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    [ -e /usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so ] \
        || ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || missing+=(varnish-modules)
    if [ "$STACK_SERVICES" = own ] && [ -z "$(pg_bin)" ]; then missing+=(postgresql); fi
    [ -x "$GUNICORN" ] || die "No gunicorn at $GUNICORN: run make install first."
    if [ ${#missing[@]} -gt 0 ]; then
        die "Missing: ${missing[*]}. Install them: apt-get install varnish varnish-modules nginx redis-server postgresql"
    fi
    if [ "$STACK_SERVICES" = own ] && ! "$PYTHON" -c 'import aiosmtpd' 2>/dev/null; then
        die "No mail server (aiosmtpd, a dev dependency): run make install first."
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

port_open() {  # port_open PORT: whether something accepts connections on 127.0.0.1:PORT
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

wait_port() {  # wait_port NAME PORT
    for _ in $(seq 1 150); do port_open "$2" && return 0; sleep 0.2; done
    die "$1 did not listen on $2 within 30s (logs in $PROD_DIR)"
}

started() { [ -f "$PROD_DIR/started" ] && grep -qx "$1" "$PROD_DIR/started"; }

mark_started() { started "$1" || echo "$1" >> "$PROD_DIR/started"; }

start_redis() {
    if [ "$STACK_SERVICES" = system ] && ! started redis \
            && redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
        log "Redis already answers on $REDIS_PORT"
        return
    fi
    ! port_open "$REDIS_PORT" || die "Port $REDIS_PORT (REDIS_PORT) is taken: choose another"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --dir "$PROD_DIR" --daemonize yes --pidfile "$PROD_DIR/redis.pid" \
        --logfile "$PROD_DIR/redis.log" --maxmemory 256mb --maxmemory-policy allkeys-lru
    mark_started redis
    wait_port Redis "$REDIS_PORT"
}

start_system_postgres() {
    if pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then return; fi
    command -v pg_ctlcluster >/dev/null 2>&1 || die "PostgreSQL is not running: apt-get install postgresql, or set DATABASE_URL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && return; sleep 1; done
    die "PostgreSQL did not start"
}

pg_bin() {  # the folder of initdb and pg_ctl: on PATH, else Debian's newest
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_postgres() {  # PostgreSQL refuses to run as root: as root, run it as the postgres user
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_ctl_own() {
    as_postgres "$(pg_bin)/pg_ctl" -D "$PROD_DIR/postgres" "$@"
}

start_own_postgres() {
    local data="$PROD_DIR/postgres" bin
    bin="$(pg_bin)"
    if [ ! -s "$data/PG_VERSION" ]; then
        mkdir -p "$data"
        [ "$(id -u)" != 0 ] || chown postgres: "$data"
        as_postgres test -w "$data" || die "PostgreSQL runs as the postgres user, who cannot reach $data: choose a PROD_DIR whose folders others may enter (chmod o+x), or STACK_SERVICES=system"
        log "Creating the stack's PostgreSQL cluster in $data"
        if [ -z "$PG_PASSWORD" ]; then
            PG_PASSWORD="$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(24))')"
        fi
        (umask 077 && printf '%s' "$PG_PASSWORD" > "$PROD_DIR/postgres_password")
        export DATABASE_URL="postgres://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT/ishr_prod"
        # Passwords (scram) on 127.0.0.1 only, no Unix socket (below): other users of this
        # machine cannot sign in as its superuser. initdb reads the password from a file the
        # postgres user owns, removed once read. C.UTF-8 exists everywhere; the search
        # configures its languages.
        local pwfile="$PROD_DIR/initial-password"
        (umask 077 && printf '%s' "$PG_PASSWORD" > "$pwfile")
        [ "$(id -u)" != 0 ] || chown postgres: "$pwfile"
        as_postgres "$bin/initdb" -D "$data" -U postgres --auth=scram-sha-256 \
            --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 > "$PROD_DIR/initdb.log" 2>&1 \
            || { rm -f "$pwfile"; die "initdb failed (see $PROD_DIR/initdb.log)"; }
        rm -f "$pwfile"
    fi
    ! port_open "$PG_PORT" || die "Port $PG_PORT (PG_PORT) is taken: choose another"
    touch "$PROD_DIR/postgres.log"
    [ "$(id -u)" != 0 ] || chown postgres: "$PROD_DIR/postgres.log"
    pg_ctl_own -l "$PROD_DIR/postgres.log" -w -t 60 \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start \
        > /dev/null || die "PostgreSQL did not start (see $PROD_DIR/postgres.log)"
    mark_started postgres
}

stop_own_postgres() {
    if [ -s "$PROD_DIR/postgres/postmaster.pid" ]; then
        # "fast": sessions are ended, as in a restart of the server.
        pg_ctl_own -m fast -w -t 60 stop > /dev/null || true
    fi
}

start_mail() {
    ! port_open "$MAIL_PORT" || die "Port $MAIL_PORT (MAIL_PORT) is taken: choose another"
    # aiosmtpd's Mailbox keeps each message as a file in a Maildir (mail/new/). -n: stay the
    # user running this.
    nohup "$PYTHON" -m aiosmtpd -n -l "127.0.0.1:$MAIL_PORT" -c aiosmtpd.handlers.Mailbox \
        "$PROD_DIR/mail" > "$PROD_DIR/mail.log" 2>&1 &
    echo $! > "$PROD_DIR/mail.pid"
    mark_started mail
    wait_port "The mail server" "$MAIL_PORT"
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
    # The page Varnish answers with when neither instance can (deploy/varnish/default.vcl),
    # and the headers the app would send with it.
    "$PYTHON" manage.py shell --no-imports -c \
        "from core.errors import error_page; print(error_page(unavailable=True), end='')" \
        > "$PROD_DIR/unavailable.html"
    "$PYTHON" manage.py shell --no-imports -c \
        "from core.headers import public_policy; print(public_policy(), end='')" \
        > "$PROD_DIR/unavailable.csp"
    "$PYTHON" manage.py shell --no-imports -c "from django.conf import settings; \
from core.headers import permissions_policy; \
print(permissions_policy(settings.PERMISSIONS_POLICY), end='')" > "$PROD_DIR/unavailable.permissions"
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
    nohup "$PYTHON" manage.py run_worker --every "$WORKER_EVERY_SECONDS" \
        > "$PROD_DIR/worker.log" 2>&1 &
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
        -e "s|@RUN_DIR@|$PROD_DIR|" deploy/varnish/default.vcl > "$PROD_DIR/default.vcl"
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
    if [ "$STACK_SERVICES" = own ]; then
        start_own_postgres
        start_redis
        start_mail
    else
        start_system_postgres
        start_redis
    fi
    create_database
    prepare
    start_app app1 "$APP1_PORT"
    start_app app2 "$APP2_PORT"
    start_worker
    start_nginx
    start_varnish
    # Generous: on a busy machine two instances' workers take a while to load the site.
    wait_for "gunicorn (app1)" "http://127.0.0.1:$APP1_PORT/robots.txt" 120
    wait_for "gunicorn (app2)" "http://127.0.0.1:$APP2_PORT/robots.txt" 120
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
    for name in varnish nginx worker app1 app2 mail redis postgres; do
        if started "$name"; then stop_service "$name"; fi
    done
    rm -f "$PROD_DIR/started"
    log "Stopped"
}

stop_service() {
    case "$1" in
        postgres) stop_own_postgres ;;
        *) stop_pidfile "$1" ;;
    esac
}

service() {  # service stop|start postgres|redis|mail
    local action="${1:-}" name="${2:-}"
    case "$action $name" in
        "stop postgres" | "stop redis" | "stop mail" | "start postgres" | "start redis" | "start mail") ;;
        *) die "usage: deploy/prod.sh service stop|start postgres|redis|mail" ;;
    esac
    started "$name" || die "The stack did not start $name (STACK_SERVICES=$STACK_SERVICES, PROD_DIR=$PROD_DIR)"
    if [ "$action" = stop ]; then
        stop_service "$name"
        log "Stopped $name"
    else
        local -A ports=([postgres]="${PG_PORT:-}" [redis]="$REDIS_PORT" [mail]="${MAIL_PORT:-}")
        ! port_open "${ports[$name]}" || die "$name already answers on ${ports[$name]}"
        case "$name" in
            postgres) start_own_postgres ;;
            redis) start_redis ;;
            mail) start_mail ;;
        esac
        log "Started $name"
    fi
}

case "${1:-run}" in
    start) start ;;
    stop) stop ;;
    service) shift; service "$@" ;;
    run)
        trap stop EXIT INT TERM
        start
        log "Ctrl-C stops everything"
        while sleep 3600; do :; done
        ;;
    *) die "usage: deploy/prod.sh start|stop|run, or service stop|start postgres|redis|mail" ;;
esac
