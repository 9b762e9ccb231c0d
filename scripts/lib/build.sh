# Shared by install-local.sh and the benchmarks: the release build of loopx. Sourced.
#
# The Swift runtime and Foundation are linked statically and the executable is position
# dependent, so that start-up — paid on every heartbeat — neither loads and binds a dozen
# shared libraries nor applies ~100,000 relocations (docs/benchmarks.md has the figures).
# A toolchain without static libraries falls back to the default dynamic build.
loopx_release_flags() {
  local swift_bin toolchain
  swift_bin="$(command -v swift || true)"
  toolchain="$(cd "$(dirname "$(readlink -f "${swift_bin:-/nonexistent}")")/.." 2>/dev/null && pwd || true)"
  if [ -n "$toolchain" ] && [ -d "$toolchain/lib/swift_static/linux" ]; then
    echo "-c release --product loopx --static-swift-stdlib -Xlinker -no-pie $(loopx_curl_link_flags)"
  else
    echo "-c release --product loopx"
  fi
}

# The static Foundation networking that loopx-mcp links (through the MCP SDK) asks the linker
# for -lcurl; Debian ships the unversioned libcurl.so only in libcurl4-openssl-dev. When it is
# missing, a link to the installed libcurl.so.4 in .build/link-shims serves (libcurl stays a
# shared library). Both products then build with the same flags, so neither rebuilds the other.
loopx_curl_link_flags() {
  local dir found root
  for dir in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib; do
    [ -e "$dir/libcurl.so" ] && return 0
  done
  for dir in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib; do
    if [ -e "$dir/libcurl.so.4" ]; then found="$dir/libcurl.so.4"; break; fi
  done
  [ -n "${found:-}" ] || return 0
  root="$(pwd)/.build/link-shims"
  mkdir -p "$root" && ln -sfn "$found" "$root/libcurl.so"
  echo "-Xlinker -L$root"
}

# Builds .build/release/loopx and, beside it, the MCP server .build/release/loopx-mcp (a
# separate executable so that loopx's start-up does not load the SDK's libraries); extra
# arguments go to swift build.
loopx_build_release() {
  # shellcheck disable=SC2046 # the flags are words
  swift build $(loopx_release_flags) "$@" || return 1
  # shellcheck disable=SC2046
  swift build $(loopx_release_flags | sed 's/--product loopx /--product loopx-mcp /') "$@"
}
