#!/usr/bin/env bash
# Headless end-to-end tests of the editor configs in editors/configs/, against
# a freshly built httpcodes:
#
#   configs  Helix, Zed and Sublime Text files: parsed, shaped as the editor
#            reads them, and their settings accepted by the real server
#   emacs    Emacs + Eglot, with httpcodes-eglot.el and then with
#            httpcodes-eglot-use-package.el: flymake diagnostics, hover,
#            completion-at-point, a quick fix applied
#   vim      Vim 9 + ALE with httpcodes-ale.vim: diagnostics, :ALEHover,
#            a quick fix from :ALECodeAction, CTRL-X CTRL-O completion
#
# On a Debian machine, as root, it installs what is missing first (emacs-nox
# elpa-eglot elpa-use-package vim vim-ale python3). Nothing is ever skipped:
# a missing tool that cannot be installed is a failure. Exit status 0 when
# every test passes, 1 otherwise.
#
#   editors/test/run.sh                        # build ./cmd/httpcodes and test it
#   HTTPCODES_BIN=/path/to/httpcodes editors/test/run.sh   # test that binary
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

step() { printf '\n== %s\n' "$*"; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# --- what the tests need -----------------------------------------------------
# Which of Eglot and use-package Emacs finds, as "eglot use-package".
emacs_libs() {
  emacs --batch --no-init-file --eval '(princ (mapconcat (lambda (l) (if (locate-library l) l "")) (list "eglot" "use-package") " "))' 2>/dev/null
}
# The Debian package puts ALE where `packadd ale` finds it.
has_ale() { vim -N -u NONE -i NONE -es -c 'packadd ale' -c 'if exists("*ale#linter#Define") || !empty(globpath(&rtp, "autoload/ale/linter.vim")) | qall! | else | cquit! | endif' >/dev/null 2>&1; }
# vim-tiny has no jobs or popups; ALE needs both.
full_vim() { vim --version 2>/dev/null | grep -q '+job' && vim --version | grep -q '+popupwin'; }
has_python() { python3 -c 'import tomllib' >/dev/null 2>&1; }

step "tools (Emacs + Eglot, Vim + ALE, Python 3.11)"
start=$(now)
missing=()
if ! command -v emacs >/dev/null 2>&1; then
  missing+=(emacs-nox elpa-eglot elpa-use-package)
else
  libs=" $(emacs_libs) "
  [[ $libs == *" eglot "* ]] || missing+=(elpa-eglot)
  [[ $libs == *" use-package "* ]] || missing+=(elpa-use-package)
fi
if ! command -v vim >/dev/null 2>&1 || ! full_vim; then
  missing+=(vim vim-ale)
elif ! has_ale; then
  missing+=(vim-ale)
fi
has_python || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing: ${missing[*]}; run as root, or: sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  echo "installing: ${missing[*]}"
  # Another apt run on the machine may hold the lock (wait for it) or clean
  # the archive cache under this one (try once more).
  apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
      --no-install-recommends "${missing[@]}" >/dev/null
  }
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  apt_install || { echo "apt-get install failed; trying once more"; sleep 5; apt_install; }
  echo "installed ($(since "$start") s)"
  # What was installed must now be found.
  libs=" $(emacs_libs) "
  [[ $libs == *" eglot "* ]] || { echo "Emacs has no Eglot"; exit 1; }
  [[ $libs == *" use-package "* ]] || { echo "Emacs has no use-package"; exit 1; }
  full_vim || { echo "vim lacks +job or +popupwin"; exit 1; }
  has_ale || { echo "Vim does not find ALE with 'packadd ale'"; exit 1; }
  has_python || { echo "python3 (3.11 or later, for tomllib) is missing"; exit 1; }
fi
command -v go >/dev/null 2>&1 || { echo "go is missing: install Go 1.26 or later"; exit 1; }
echo "$(emacs --version | head -1); $(vim --version | head -1 | cut -d'(' -f1); $(python3 --version)  ($(since "$start") s)"

# --- a private home, the binary, the fixture ---------------------------------
# Go keeps its caches where they are (the private HOME would mean a cold
# build and a module download).
GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE) GOPATH=$(go env GOPATH)
export GOCACHE GOMODCACHE GOPATH
tmp=$(mktemp -d "${TMPDIR:-/tmp}/httpcodes-editors.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share \
  XDG_CACHE_HOME=$tmp/home/.cache XDG_STATE_HOME=$tmp/home/.local/state XDG_RUNTIME_DIR=$tmp/run
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
mkdir -m 700 "$XDG_RUNTIME_DIR"

if [ -n "${HTTPCODES_BIN:-}" ]; then
  step "httpcodes: $HTTPCODES_BIN (HTTPCODES_BIN)"
  mkdir -p "$tmp/bin"
  cp "$HTTPCODES_BIN" "$tmp/bin/httpcodes"
else
  step "build httpcodes"
  start=$(now)
  go build -o "$tmp/bin/httpcodes" ./cmd/httpcodes
  echo "built $tmp/bin/httpcodes ($(since "$start") s)"
fi
export PATH=$tmp/bin:$PATH

fixture=$root/editors/test/testdata/handler.go
# Each editor gets its own copy of the fixture: a test edits its buffer.
copy_fixture() { mkdir -p "$tmp/$1" && cp "$fixture" "$tmp/$1/handler.go" && echo "$tmp/$1/handler.go"; }

# --- the tests -----------------------------------------------------------------
failed=()
run() {
  local name=$1; shift
  step "$name"
  local start status
  start=$(now)
  if [ "$(type -t "$1")" = function ]; then
    "$@" 2>&1 && status=0 || status=$?
  else
    timeout 120 "$@" 2>&1 && status=0 || status=$?
  fi
  if [ "$status" = 0 ]; then
    echo "-- $name: passed ($(since "$start") s)"
  else
    echo "-- $name: FAILED, exit $status ($(since "$start") s)"
    failed+=("$name")
  fi
}

run "configs: Helix, Zed, Sublime Text" \
  python3 editors/test/configs/check_configs.py "$tmp/bin/httpcodes" "$fixture"

for config in httpcodes-eglot.el httpcodes-eglot-use-package.el; do
  run "emacs + eglot: $config" env \
    HTTPCODES_CONFIG="$root/editors/configs/$config" \
    HTTPCODES_FIXTURE="$(copy_fixture "emacs-${config%.el}")" \
    emacs --batch --no-init-file -l editors/test/emacs/eglot-test.el
done

# Vim in Ex mode owns the terminal: the test writes its report to a file,
# printed once Vim has exited (or been stopped by the timeout).
vim_test() {
  local log=$tmp/vim/report status
  HTTPCODES_CONFIG=$root/editors/configs/httpcodes-ale.vim HTTPCODES_LOG=$log \
    timeout 60 vim -N -u editors/test/vim/vimrc -i NONE -es -S editors/test/vim/ale-test.vim \
    "$(copy_fixture vim)" </dev/null >/dev/null 2>&1 && status=0 || status=$?
  cat "$log" 2>/dev/null || echo "no report from the Vim test"
  [ "$status" = 124 ] && echo "Vim did not exit within 60 s"
  return "$status"
}
run "vim + ale: httpcodes-ale.vim" vim_test

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "editor tests FAILED: ${failed[*]}"
  exit 1
fi
echo "editor tests passed"
