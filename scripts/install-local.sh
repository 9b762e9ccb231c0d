#!/usr/bin/env bash
# Installs loopx for this user, safely rerunnable:
#   - libyaml-dev through apt when pkg-config cannot find yaml-0.1 (sudo only when not root)
#   - a release build, published as a snapshot under ~/.local/share/loopx/releases/<UTC id>/
#     (bin/loopx, Rules/, docs/, the loopx-project skill, manifest.json)
#   - ~/.local/bin/loopx -> the snapshot, promoted only from a clean checkout on main/master
#   - ~/.local/bin/loopx-canary, a wrapper that runs this checkout's live release build
#   - ~/.local/bin on PATH in the shell profile (once), the skill under ${CODEX_HOME:-~/.codex}/skills/
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/lib/deps.sh

bin_dir="$HOME/.local/bin"
share_dir="$HOME/.local/share/loopx"
releases="$share_dir/releases"
skill_home="${CODEX_HOME:-$HOME/.codex}/skills"
mkdir -p "$bin_dir" "$releases"

# One install at a time: a second concurrent run waits for the first.
exec 9>"$share_dir/.install.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi

summary=()
loopx_ensure_swift
loopx_ensure_libyaml

echo "loopx: building release binary..." >&2
swift build -c release --product loopx 2>&1 | tail -n 1 >&2
built="$root/.build/release/loopx"
[ -x "$built" ] || { echo "error: release build did not produce $built" >&2; exit 1; }

commit="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
branch="$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo unknown)"
dirty="$(git status --porcelain 2>/dev/null | head -n 1 || true)"
promote=yes
why=""
if [ "$commit" = unknown ]; then promote=no; why="not a git checkout"; fi
if [ -n "$dirty" ]; then promote=no; why="the checkout has uncommitted changes"; fi
case "$branch" in main|master) ;; *) if [ "$promote" = yes ]; then promote=no; why="the checkout is on '$branch', not main"; fi ;; esac

# The canary always runs the live checkout's build.
canary="$bin_dir/loopx-canary"
canary_text="#!/usr/bin/env bash
# loopx canary: runs the live checkout's release build ($root).
if [ ! -x \"$built\" ]; then
  echo \"loopx-canary: no build at $built; run: (cd $root && swift build -c release)\" >&2
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
     && cmp -s "$built" "$(dirname "$current_manifest")/bin/loopx"; then
    summary+=("loopx already at $commit ($(dirname "$current_manifest"))")
  else
    id="$(date -u +%Y%m%dT%H%M%SZ)"
    snap="$releases/$id"
    tmp="$releases/.$id.partial"
    rm -rf "$tmp"
    mkdir -p "$tmp/bin"
    cp "$built" "$tmp/bin/loopx"
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

if [ -f skills/loopx-project/SKILL.md ]; then
  target="$skill_home/loopx-project"
  if [ -d "$target" ] && diff -rq skills/loopx-project "$target" >/dev/null 2>&1; then
    summary+=("skill loopx-project already current")
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
    line='export PATH="$HOME/.local/bin:$PATH"  # added by loopx install-local.sh'
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
