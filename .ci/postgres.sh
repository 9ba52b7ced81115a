#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: initdb + pg_ctl as an unprivileged user on a
# local port. Installs nothing (.ci/run installs Debian's postgresql when missing).
#
#   .ci/postgres.sh start   # prints the URL to export as DENTASYNC_TEST_PG
#   .ci/postgres.sh stop    # stops the cluster and deletes its folder
#
# DENTASYNC_PG_DIR (default /tmp/dentasync-pg) is the cluster's folder; PGPORT the port
# (default: the first free one from 55432). Run as root, the cluster belongs to the "postgres"
# user Debian's package creates (or DENTASYNC_PG_USER); otherwise to the calling user.
set -euo pipefail

folder="${DENTASYNC_PG_DIR:-/tmp/dentasync-pg}"
database="dentasync"

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
    local port="${PGPORT:-55432}"
    if [[ -n "${PGPORT:-}" ]]; then
        echo "$port"
        return
    fi
    while port_in_use "$port"; do
        port=$((port + 1))
    done
    echo "$port"
}

bindir() {
    # Debian keeps the server programs out of PATH, one folder per major version; a pg_ctl on
    # PATH may be a lone symlink into such a folder, so its real folder is used.
    local newest
    newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [[ -z "$newest" ]] && command -v pg_ctl >/dev/null 2>&1; then
        newest="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
    fi
    if [[ -z "$newest" ]]; then
        echo "PostgreSQL is not installed (Debian: apt-get install postgresql postgresql-contrib)" >&2
        exit 1
    fi
    echo "$newest"
}

owner() {
    if [[ "$(id -u)" -eq 0 ]]; then
        echo "${DENTASYNC_PG_USER:-postgres}"
    else
        id -un
    fi
}

as_owner() {
    local user
    user="$(owner)"
    if [[ "$(id -un)" == "$user" ]]; then
        "$@"
    else
        # runuser needs no password and no tty; the command runs from a folder the owner may read.
        (cd / && runuser -u "$user" -- "$@")
    fi
}

start() {
    local bin user port
    bin="$(bindir)"
    user="$(owner)"
    port="$(free_port)"
    if ! id "$user" >/dev/null 2>&1; then
        echo "no user '$user' to own the cluster; set DENTASYNC_PG_USER" >&2
        exit 1
    fi
    if [[ -f "$folder/data/postmaster.pid" ]]; then
        stop >/dev/null
    fi
    rm -rf "$folder"
    mkdir -p "$folder"
    chown "$user" "$folder"
    chmod 700 "$folder"
    as_owner "$bin/initdb" -D "$folder/data" -U dentasync --auth=trust -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$folder/initdb.log" 2>&1 \
        || { cat "$folder/initdb.log" >&2; exit 1; }
    # Tests and benchmarks only: durability traded for speed, sockets in the cluster's folder.
    cat >>"$folder/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$folder'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
CONF
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 start >/dev/null \
        || { cat "$folder/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U dentasync "$database"
    echo "postgresql+psycopg://dentasync@127.0.0.1:$port/$database"
}

stop() {
    if [[ -d "$folder/data" ]]; then
        as_owner "$(bindir)/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$folder"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
