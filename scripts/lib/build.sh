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
    echo "-c release --product loopx --static-swift-stdlib -Xlinker -no-pie"
  else
    echo "-c release --product loopx"
  fi
}

# Builds .build/release/loopx and, beside it, the MCP server .build/release/loopx-mcp (a
# separate executable so that loopx's start-up does not load the SDK's libraries); extra
# arguments go to swift build.
loopx_build_release() {
  # shellcheck disable=SC2046 # the flags are words
  swift build $(loopx_release_flags) "$@"
  # The server links the SDK's Foundation networking (libcurl), which has no static build
  # here: it is linked against the shared Swift runtime. Its start-up is paid once per agent
  # session, not per heartbeat.
  swift build -c release --product loopx-mcp "$@"
}
