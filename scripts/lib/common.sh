# shellcheck shell=bash
# Shared helpers for scripts/*: logging, running as root, installing Debian packages.
# Sourced, never executed.

log()  { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo
# (non-interactive when there is no terminal, as on CI).
as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        if [[ -t 0 ]]; then sudo "$@"; else sudo -n "$@"; fi
    else
        warn "need root for: $* (not root, and sudo is not installed)"
        return 1
    fi
}

# Installs Debian packages with apt-get; `apt-get update` runs at most once per run.
apt_install() {
    command -v apt-get >/dev/null 2>&1 \
        || { warn "apt-get not found: install $* by hand"; return 1; }
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
    if [[ -z ${SAPS_APT_UPDATED:-} ]]; then
        log "apt-get update"
        as_root "${apt[@]}" update -q || return 1
        export SAPS_APT_UPDATED=1
    fi
    log "apt-get install -y $*"
    as_root "${apt[@]}" install -y -q "$@"
}

# Succeeds when something accepts TCP connections on host:port. Needs no PostgreSQL
# client: bash's /dev/tcp, else (bash built without it) python3.
tcp_open() {
    local host=$1 port=$2 err
    # shellcheck disable=SC2016 # expanded by the inner bash
    # shellcheck disable=SC2016 # expanded by the inner bash
    if err=$(timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>&1); then
        return 0
    fi
    if [[ $err == *"No such file"* ]] && command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket, sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=5).close()' \
            "$host" "$port" 2>/dev/null
        return
    fi
    return 1
}
