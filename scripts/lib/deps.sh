# Shared by install-local.sh and test.sh: make sure the system packages loopx builds against
# are present. Sourced, not executed.

loopx_run_privileged() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "error: need root to run: $*  (no sudo found)" >&2
    return 1
  fi
}

# Installs libyaml-dev (and pkg-config) through apt when pkg-config cannot find yaml-0.1.
loopx_ensure_libyaml() {
  if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists yaml-0.1; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: libyaml (pkg-config yaml-0.1) is missing and apt-get is not available;" >&2
    echo "       install libyaml's development package and pkg-config, then rerun." >&2
    return 1
  fi
  echo "loopx: libyaml-dev not found; installing libyaml-dev and pkg-config through apt..." >&2
  loopx_run_privileged env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
  loopx_run_privileged env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libyaml-dev pkg-config >&2 || return 1
  pkg-config --exists yaml-0.1 || { echo "error: libyaml still not visible to pkg-config" >&2; return 1; }
}

loopx_ensure_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    echo "error: swift is not on PATH; install the Swift toolchain (6.0 or later) first." >&2
    return 1
  fi
}
