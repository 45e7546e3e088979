# shellcheck shell=bash
# Finds a PostgreSQL for the test suite, or starts a throwaway cluster, and exports
# SAPS_TEST_DATABASE_URL. Sourced by scripts/test after scripts/lib/common.sh.
#
#   pg_provision   pick or start a server, export SAPS_TEST_DATABASE_URL
#   pg_teardown    stop and delete the throwaway cluster, if one was started (EXIT trap)

SAPS_PG_DEFAULT_URL=postgres://postgres@127.0.0.1:5432/test
SAPS_PG_TMP=           # the throwaway cluster's directory, empty when none was started
SAPS_PG_RUN=()         # prefix running a command as the cluster's owner
SAPS_PG_BINDIR=        # the throwaway cluster's server binaries

# The URL with its password hidden, for printing.
pg_redact() { sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#' <<<"$1"; }

# Prints the newest PostgreSQL server tool named $1 (Debian's versioned directories
# first, then PATH).
pg_tool() {
    local dir
    while read -r dir; do
        [[ -x $dir/$1 ]] && { printf '%s\n' "$dir/$1"; return 0; }
    done < <(compgen -G '/usr/lib/postgresql/*/bin' | sort -rV)
    command -v "$1" 2>/dev/null
}

# Prints "host port" of a postgres:// URL (defaults localhost 5432); fails when the
# URL has a shape this does not understand (several hosts, a socket path …).
pg_url_host_port() {
    local rest=${1#*://}
    rest=${rest%%/*}; rest=${rest%%\?*}; rest=${rest##*@}
    if [[ $rest =~ ^\[([0-9A-Fa-f:.]+)\](:([0-9]+))?$ || $rest =~ ^([^:,]*)(:([0-9]+))?$ ]]; then
        printf '%s %s\n' "${BASH_REMATCH[1]:-localhost}" "${BASH_REMATCH[3]:-5432}"
    else
        return 1
    fi
}

# Succeeds when the server behind the URL answers. Needs no psql: pg_isready when
# present, else a TCP connect (bash /dev/tcp or python3). When psql is present it also
# proves that a session opens (credentials, database), so a server without the
# database is not picked.
pg_usable() {
    local url=$1 isready psql hp err
    isready=$(pg_tool pg_isready || true)
    if [[ -n $isready ]]; then
        "$isready" -q -t 5 -d "$url" >/dev/null 2>&1 || return 1
    elif hp=$(pg_url_host_port "$url"); then
        # shellcheck disable=SC2086 # "host port" is split on purpose
        tcp_open $hp || return 1
    else
        warn "cannot check $(pg_redact "$url") without pg_isready; assuming it is reachable"
    fi
    psql=$(command -v psql || pg_tool psql || true)
    if [[ -n $psql ]]; then
        if ! err=$(PGCONNECT_TIMEOUT=5 "$psql" -X -A -t -q -d "$url" -c 'select 1' 2>&1 </dev/null); then
            warn "$(pg_redact "$url") answers but refuses a session: ${err//$'\n'/ }"
            return 1
        fi
    fi
}

# Runs a command as the throwaway cluster's owner, from a directory it can read.
pg_as_owner() {
    (cd "$SAPS_PG_TMP" && ${SAPS_PG_RUN[@]+"${SAPS_PG_RUN[@]}"} "$@")
}

su_postgres() { su -s /bin/sh postgres -c "$(printf '%q ' "$@")"; }

# Stops and deletes throwaway clusters left by runs that were killed (SIGKILL skips
# traps): those whose owner.pid names a process that is gone.
pg_sweep_stale() {
    local dir pid
    for dir in /tmp/saps-pg.*; do
        [[ -f $dir/owner.pid ]] || continue
        pid=$(<"$dir/owner.pid")
        [[ $pid =~ ^[0-9]+$ ]] || continue
        kill -0 "$pid" 2>/dev/null || [[ -d /proc/$pid ]] && continue
        if [[ -f $dir/data/postmaster.pid ]]; then
            pid=$(head -n 1 "$dir/data/postmaster.pid")
            [[ $pid =~ ^[0-9]+$ ]] && { kill -QUIT "$pid" 2>/dev/null || true; }
        fi
        rm -rf "$dir"
    done
}

pg_start_throwaway() {
    local initdb bindir port locale_opt started=
    initdb=$(pg_tool initdb || true)
    if [[ -z $initdb ]]; then
        log "PostgreSQL server binaries not found: installing Debian's postgresql"
        apt_install postgresql || { warn "could not install postgresql"; return 1; }
        initdb=$(pg_tool initdb || true)
        [[ -n $initdb ]] || { warn "initdb still not found after installing postgresql"; return 1; }
    fi
    bindir=${initdb%/*}
    SAPS_PG_BINDIR=$bindir

    # initdb and postgres refuse to run as root: the cluster then belongs to `postgres`.
    SAPS_PG_RUN=()
    if [[ $EUID -eq 0 ]]; then
        id -u postgres >/dev/null 2>&1 \
            || { warn "running as root and there is no 'postgres' user to own the cluster"; return 1; }
        if command -v runuser >/dev/null 2>&1; then
            SAPS_PG_RUN=(runuser -u postgres --)
        else
            SAPS_PG_RUN=(su_postgres)
        fi
    fi

    pg_sweep_stale
    # Under /tmp, not $TMPDIR: the owner must reach it, and a socket path must stay short.
    SAPS_PG_TMP=$(mktemp -d /tmp/saps-pg.XXXXXX)
    echo $$ >"$SAPS_PG_TMP/owner.pid"
    [[ $EUID -ne 0 ]] || chown postgres: "$SAPS_PG_TMP"

    locale_opt=--no-locale
    if locale -a 2>/dev/null | grep -iE '^c\.utf-?8$' >/dev/null; then locale_opt=--locale=C.UTF-8; fi
    if ! pg_as_owner "$initdb" -D "$SAPS_PG_TMP/data" -A trust -U postgres -E UTF8 \
            "$locale_opt" --no-sync >"$SAPS_PG_TMP/initdb.log" 2>&1; then
        cat "$SAPS_PG_TMP/initdb.log" >&2
        warn "initdb failed"
        return 1
    fi

    # A free port from 55432 up; if another process takes it between the check and
    # the bind, the start fails with "Address already in use" and the next is tried.
    port=${SAPS_TEST_PG_PORT:-55432}
    local last=$((port + 50))
    for (( ; port < last; port++ )); do
        tcp_open 127.0.0.1 "$port" && continue
        if pg_as_owner "$bindir/pg_ctl" -D "$SAPS_PG_TMP/data" -l "$SAPS_PG_TMP/postgres.$port.log" \
                -w -t 60 -o "-c listen_addresses=127.0.0.1 -p $port -k $SAPS_PG_TMP \
                -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
                -c max_connections=200" start >/dev/null; then
            started=1
            break
        fi
        if ! grep -qs 'already in use' "$SAPS_PG_TMP/postgres.$port.log"; then
            cat "$SAPS_PG_TMP/postgres.$port.log" >&2 || true
            warn "the throwaway PostgreSQL did not start"
            return 1
        fi
    done
    [[ -n $started ]] || { warn "no free port in ${SAPS_TEST_PG_PORT:-55432}..$((last - 1))"; return 1; }

    pg_as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres test || return 1
    SAPS_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/test
}

pg_teardown() {
    [[ -n $SAPS_PG_TMP && -d $SAPS_PG_TMP ]] || return 0
    local pg_ctl pid
    if [[ -f $SAPS_PG_TMP/data/postmaster.pid ]]; then
        pg_ctl=$SAPS_PG_BINDIR/pg_ctl
        if [[ ! -x $pg_ctl ]] \
            || ! pg_as_owner "$pg_ctl" -D "$SAPS_PG_TMP/data" -m immediate -w -t 30 stop >/dev/null 2>&1; then
            pid=$(head -n 1 "$SAPS_PG_TMP/data/postmaster.pid" 2>/dev/null || true)
            [[ $pid =~ ^[0-9]+$ ]] && { kill -QUIT "$pid" 2>/dev/null || true; }
        fi
    fi
    rm -rf "$SAPS_PG_TMP"
    log "throwaway PostgreSQL stopped and removed"
    SAPS_PG_TMP=
}

pg_provision() {
    local url
    if [[ ${SAPS_TEST_FORCE_THROWAWAY_PG:-} == 1 ]]; then
        log "SAPS_TEST_FORCE_THROWAWAY_PG=1: skipping existing servers"
    else
        url=${SAPS_TEST_DATABASE_URL:-}
        if [[ -n $url ]]; then
            if pg_usable "$url"; then
                echo "PostgreSQL: using SAPS_TEST_DATABASE_URL ($(pg_redact "$url"))"
                export SAPS_TEST_DATABASE_URL
                return 0
            fi
            warn "SAPS_TEST_DATABASE_URL=$(pg_redact "$url") is not reachable; looking further"
        fi
        if pg_usable "$SAPS_PG_DEFAULT_URL"; then
            export SAPS_TEST_DATABASE_URL=$SAPS_PG_DEFAULT_URL
            echo "PostgreSQL: using the local server ($SAPS_TEST_DATABASE_URL)"
            return 0
        fi
        log "no PostgreSQL at $SAPS_PG_DEFAULT_URL: starting a throwaway cluster"
    fi
    local t0=${EPOCHREALTIME:-$SECONDS} t1
    pg_start_throwaway || return 1
    t1=${EPOCHREALTIME:-$SECONDS}
    export SAPS_TEST_DATABASE_URL
    echo "PostgreSQL: using a throwaway $("$SAPS_PG_BINDIR/postgres" --version | awk '{print $3}') cluster" \
        "($SAPS_TEST_DATABASE_URL, data in $SAPS_PG_TMP, up in $(awk "BEGIN{printf \"%.1f\", $t1 - $t0}")s, removed on exit)"
}
