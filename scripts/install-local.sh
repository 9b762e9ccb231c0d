#!/usr/bin/env bash
# Installs loopx for this user, safely rerunnable:
#   - libyaml-dev through apt when pkg-config cannot find yaml-0.1 (sudo only when not root)
#   - a release build, published as a snapshot under ~/.local/share/loopx/releases/<UTC id>/
#     (bin/loopx, bin/loopx-mcp, Rules/, docs/, the loopx-project skill, manifest.json)
#   - ~/.local/bin/loopx -> the snapshot, promoted only from a clean checkout on main/master
#   - ~/.local/bin/loopx-canary, a wrapper that runs this checkout's live release build
#   - ~/.local/bin on PATH in the shell profile (once), the skill under ${CODEX_HOME:-~/.codex}/skills/
# Settings (environment): LOOPX_BIN_DIR (default ~/.local/bin), LOOPX_RELEASES_DIR (default
# ~/.local/share/loopx/releases), LOOPX_PROMOTE_DEFAULT (auto: only from a clean checkout at
# main; 1: always; 0: never), CODEX_HOME. Rerunning with nothing changed changes nothing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/lib/deps.sh
. scripts/lib/build.sh

bin_dir="${LOOPX_BIN_DIR:-$HOME/.local/bin}"
releases="${LOOPX_RELEASES_DIR:-$HOME/.local/share/loopx/releases}"
share_dir="$(dirname "$releases")"
skill_home="${CODEX_HOME:-$HOME/.codex}/skills"
promote_setting="${LOOPX_PROMOTE_DEFAULT:-auto}"
mkdir -p "$bin_dir" "$releases"

# One install at a time: a second concurrent run waits for the first. Opened for append so
# that taking the lock does not touch the file.
exec 9>>"$share_dir/.install.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

summary=()
loopx_ensure_swift
loopx_ensure_libyaml

echo "loopx: building release binary..." >&2
loopx_build_release 2>&1 | tail -n 1 >&2
built="$root/.build/release/loopx"
[ -x "$built" ] || { echo "error: release build did not produce $built" >&2; exit 1; }

commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
branch="$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)"
dirty="$(git status --porcelain 2>/dev/null | head -n 1 || true)"
# The checkout is "at main" when its branch is main/master or HEAD is origin/main's commit.
at_main=no
case "$branch" in main|master) at_main=yes ;; esac
if [ "$at_main" = no ] && [ "$commit" != unknown ] \
   && [ "$(git rev-parse --verify -q origin/main 2>/dev/null || true)" = "$commit" ]; then at_main=yes; fi
promote=yes
why=""
if [ "$commit" = unknown ]; then promote=no; why="not a git checkout"; fi
if [ -n "$dirty" ]; then promote=no; why="the checkout has uncommitted changes"; fi
if [ "$promote" = yes ] && [ "$at_main" = no ]; then promote=no; why="the checkout is on '$branch', not main"; fi
case "$promote_setting" in
  1) if [ "$promote" = no ]; then promote=yes; summary+=("promoting although $why (LOOPX_PROMOTE_DEFAULT=1)"); fi ;;
  0) promote=no; why="LOOPX_PROMOTE_DEFAULT=0" ;;
  auto) ;;
  *) echo "error: LOOPX_PROMOTE_DEFAULT must be auto, 1 or 0 (got '$promote_setting')" >&2; exit 2 ;;
esac

# The canary always runs the live checkout's build.
canary="$bin_dir/loopx-canary"
canary_text="#!/usr/bin/env bash
# loopx canary: runs the live checkout's release build ($root).
if [ ! -x \"$built\" ]; then
  echo \"loopx-canary: no build at $built; run: (cd $root && scripts/install-local.sh)\" >&2
  exit 1
fi
exec \"$built\" \"\$@\""
if [ ! -f "$canary" ] || [ "$(cat "$canary")" != "$canary_text" ]; then
  printf '%s\n' "$canary_text" > "$canary.tmp" && chmod 755 "$canary.tmp" && mv "$canary.tmp" "$canary"
  summary+=("installed $canary -> $built")
else
  summary+=("canary already current")
fi

if [ "$promote" = yes ]; then
  current_manifest="$(dirname "$(dirname "$(readlink -f "$bin_dir/loopx" 2>/dev/null || echo /nonexistent/x)")")/manifest.json"
  if [ -f "$current_manifest" ] && grep -q "\"commit\": \"$commit\"" "$current_manifest" \
     && cmp -s "$built" "$(dirname "$current_manifest")/bin/loopx" \
     && cmp -s "$root/.build/release/loopx-mcp" "$(dirname "$current_manifest")/bin/loopx-mcp"; then
    summary+=("loopx already at $commit ($(dirname "$current_manifest"))")
  else
    id="$(date -u +%Y%m%dT%H%M%SZ)"
    n=2
    base_id="$id"
    while [ -e "$releases/$id" ]; do id="$base_id-$n"; n=$((n + 1)); done
    snap="$releases/$id"
    tmp="$releases/.$id.partial"
    rm -rf "$tmp"
    mkdir -p "$tmp/bin"
    cp "$built" "$tmp/bin/loopx"
    cp "$root/.build/release/loopx-mcp" "$tmp/bin/loopx-mcp"
    cp -R Rules "$tmp/Rules"
    [ -d docs ] && cp -R docs "$tmp/docs"
    [ -d skills ] && cp -R skills "$tmp/skills"
    cat > "$tmp/manifest.json" <<JSON
{
  "build_date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "commit": "$commit",
  "branch": "$branch",
  "source": "$root",
  "version": "$("$built" --version)"
}
JSON
    # Validate the snapshot before anything points at it: its own doctor must pass.
    if ! "$tmp/bin/loopx" doctor >/dev/null 2>&1; then
      "$tmp/bin/loopx" doctor >&2 || true
      rm -rf "$tmp"
      echo "error: the new release does not pass its own doctor; nothing was promoted" >&2
      exit 1
    fi
    mv "$tmp" "$snap"
    ln -sfn "$snap/bin/loopx" "$bin_dir/loopx.new" && mv -T "$bin_dir/loopx.new" "$bin_dir/loopx"
    summary+=("published release $snap and linked $bin_dir/loopx to it")
  fi
else
  summary+=("did not promote a release: $why; installed only the canary")
  if [ ! -e "$bin_dir/loopx" ]; then
    summary+=("no released loopx yet: use $canary until you install from a clean checkout on main")
  fi
fi

# The installed skill follows the default release: a canary-only install leaves it alone
# unless none is installed yet.
target="$skill_home/loopx-project"
if [ -f skills/loopx-project/SKILL.md ]; then
  if [ -d "$target" ] && diff -rq skills/loopx-project "$target" >/dev/null 2>&1; then
    summary+=("skill loopx-project already current")
  elif [ "$promote" = no ] && [ -d "$target" ]; then
    summary+=("skill loopx-project left as installed (it follows the default release)")
  else
    mkdir -p "$skill_home"
    rm -rf "$target.tmp" && cp -R skills/loopx-project "$target.tmp" && rm -rf "$target" && mv "$target.tmp" "$target"
    summary+=("installed skill loopx-project into $target")
  fi
fi

case ":$PATH:" in
  *":$bin_dir:"*) summary+=("$bin_dir is on PATH") ;;
  *)
    case "$(basename "${SHELL:-sh}")" in
      zsh) profile="$HOME/.zshrc" ;;
      bash) profile="$HOME/.bashrc" ;;
      *) profile="$HOME/.profile" ;;
    esac
    if [ "$bin_dir" = "$HOME/.local/bin" ]; then
      line='export PATH="$HOME/.local/bin:$PATH"  # added by loopx install-local.sh'
    else
      line="export PATH=\"$bin_dir:\$PATH\"  # added by loopx install-local.sh"
    fi
    if [ -f "$profile" ] && grep -Fq "$line" "$profile"; then
      summary+=("PATH line already in $profile (open a new shell to pick it up)")
    else
      printf '\n%s\n' "$line" >> "$profile"
      summary+=("added $bin_dir to PATH in $profile (open a new shell to pick it up)")
    fi
    ;;
esac

echo "loopx install summary:"
for item in "${summary[@]}"; do echo "  - $item"; done
echo "  - check it with: $bin_dir/loopx doctor"
