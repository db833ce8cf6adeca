#!/usr/bin/env bash
# Tests the GitHub Action's steps (scripts/action.sh, which action.yml runs)
# outside GitHub, offline: the runner's files (GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH, RUNNER_TEMP) are temporary
# files, and the checked repository is a temporary git repository with a
# known bug on its base branch and another on a pull request's branch,
# cloned shallow as actions/checkout does. It checks:
#   - action.yml passes every input to the script;
#   - the cache key: stable, changed by a change of the source, a release's tag;
#   - the build from the action's checkout, in a private GOPATH, and the
#     caller's Go, PATH and environment untouched; the cached binary reused;
#   - version: a release downloaded through install.sh from a local server,
#     a tampered archive refused, latest refused;
#   - check: the annotations, the SARIF file under RUNNER_TEMP, the job
#     summary's counts per rule, the outputs, the exit status; fail-on;
#     working-directory; only-new-issues in a shallow pull request checkout
#     (the old finding left out, the new one reported).
# Nothing is skipped (CI=true or not). KEEP=1 keeps the temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
now() { date +%s; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/httpcodes-action.XXXXXX")
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  chmod -R u+w "$tmp" 2>/dev/null || true # the module cache is read-only
  rm -rf "$tmp"
}
trap cleanup EXIT; [ -n "${KEEP:-}" ] && trap - EXIT

# A fresh runner: its files, and a caller whose Go environment must stay
# as it was (GOPATH here, so that a write to it shows).
runner() { # name: sets up $tmp/name as RUNNER_TEMP and the runner's files
  local r=$tmp/$1
  mkdir -p "$r/temp"
  : >"$r/output"; : >"$r/summary"; : >"$r/env"; : >"$r/path"
  export RUNNER_TEMP=$r/temp GITHUB_OUTPUT=$r/output GITHUB_STEP_SUMMARY=$r/summary GITHUB_ENV=$r/env GITHUB_PATH=$r/path
}
out() { sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -1; }
action() { bash "$repo/scripts/action.sh" "$@"; }
unset GITHUB_BASE_REF GITHUB_REF INPUT_VERSION INPUT_ARGS INPUT_WORKING_DIRECTORY INPUT_PATHS INPUT_FORMAT INPUT_FAIL_ON INPUT_CONFIG INPUT_ONLY_NEW_ISSUES HTTPCODES_BIN_DIR
export HTTPCODES_ACTION_PATH=$repo HTTPCODES_ACTION_REF=
# The build fetches the modules from the local module cache: offline, and
# the same go.sum check as from proxy.golang.org.
export GOPROXY=file://$(go env GOMODCACHE)/cache/download GOSUMDB=off GOFLAGS=
caller_gopath=$tmp/caller-gopath
export GOPATH=$caller_gopath GOMODCACHE= GOCACHE=$(go env GOCACHE)

step "action.yml passes every input to scripts/action.sh"
inputs=$(awk '/^inputs:/ { on = 1; next } /^[a-z]/ { on = 0 } on && /^  [a-z-]+:$/ { sub(/:$/, ""); print $1 }' action.yml)
[ "$(echo "$inputs" | wc -l)" = 8 ] || fail "action.yml has $(echo "$inputs" | wc -l) inputs, want 8: $inputs"
for i in $inputs; do
  var=INPUT_$(echo "$i" | tr 'a-z-' 'A-Z_')
  grep -qF "$var: \${{ inputs.$i }}" action.yml || fail "action.yml does not pass inputs.$i as $var"
  grep -q "\${$var\b" scripts/action.sh || fail "scripts/action.sh does not read $var"
done
! grep -Eq 'actions/setup-go|go install|@latest|\$\{?GITHUB_(PATH|ENV)' action.yml scripts/action.sh ||
  fail "action.yml or scripts/action.sh sets up Go, installs @latest or changes the caller's PATH or environment"
ok "$(echo $inputs)"

step "the cache key"
runner key
action key 2>/dev/null
key=$(out key)
[[ $key =~ ^source-[0-9a-f]{32}$ ]] || fail "the source's key is \"$key\""
: >"$GITHUB_OUTPUT"; action key 2>/dev/null
[ "$(out key)" = "$key" ] || fail "the key changed between two runs: $key, $(out key)"
mkdir "$tmp/copy"
git ls-files -z -- '*.go' '*go.mod' '*go.sum' | xargs -0 cp --parents -t "$tmp/copy"
: >"$GITHUB_OUTPUT"; HTTPCODES_ACTION_PATH=$tmp/copy action key 2>/dev/null
[ "$(out key)" = "$key" ] || fail "a copy of the sources has another key: $(out key), want $key (a file outside git is hashed?)"
echo '// changed' >> "$tmp/copy/cmd/httpcodes/main.go"
: >"$GITHUB_OUTPUT"; HTTPCODES_ACTION_PATH=$tmp/copy action key 2>/dev/null
[ "$(out key)" != "$key" ] || fail "a change to the source kept the key $key"
: >"$GITHUB_OUTPUT"; INPUT_VERSION=v1.2.3 action key 2>/dev/null
[ "$(out key)" = release-v1.2.3 ] || fail "version v1.2.3: key $(out key)"
set +e; INPUT_VERSION=latest action key 2>"$tmp/latest.err"; status=$?; set -e
[ "$status" = 2 ] && grep -q 'version: latest is not allowed' "$tmp/latest.err" || fail "version: latest: exit $status, $(cat "$tmp/latest.err")"
ok "$key, stable, changed by an edit; release-v1.2.3 for version v1.2.3; latest refused"

step "install: build from the action's checkout in a private GOPATH"
runner build
# The private GOPATH of the build outlives the test (the module and build
# caches, as a runner's would not): the build is exercised every time, and
# takes seconds after the first.
mkdir -p "${XDG_CACHE_HOME:-$HOME/.cache}/httpcodes-action-test/go" "$RUNNER_TEMP/httpcodes-action"
ln -s "${XDG_CACHE_HOME:-$HOME/.cache}/httpcodes-action-test/go" "$RUNNER_TEMP/httpcodes-action/go"
go_before=$(command -v go) goversion_before=$(go env GOVERSION) path_before=$PATH
start=$(now)
HTTPCODES_ACTION_REF=v9.8.7 action install 2>"$tmp/build.err" || { cat "$tmp/build.err"; fail "action.sh install"; }
build_s=$(( $(now) - start ))
cat "$tmp/build.err"
bin=$(out path)
[ "$bin" = "$RUNNER_TEMP/httpcodes-action/bin/httpcodes" ] || fail "the binary's path: $bin"
case $("$bin" version) in "httpcodes v9.8.7 "*) ;; *) fail "the build from ref v9.8.7 says $("$bin" version)" ;; esac
[ ! -e "$caller_gopath" ] || fail "the build wrote to the caller's GOPATH: $(ls "$caller_gopath")"
[ -d "$RUNNER_TEMP/httpcodes-action/go/pkg/mod/cache/download" ] || fail "the build used no private module cache"
[ ! -s "$GITHUB_PATH" ] && [ ! -s "$GITHUB_ENV" ] || fail "the install wrote GITHUB_PATH or GITHUB_ENV: $(cat "$GITHUB_PATH" "$GITHUB_ENV")"
[ "$(command -v go)" = "$go_before" ] && [ "$(go env GOVERSION)" = "$goversion_before" ] && [ "$PATH" = "$path_before" ] ||
  fail "the caller's go or PATH changed"
ok "built in $build_s s: $("$bin" version); the caller's GOPATH, PATH and Go untouched"
: >"$GITHUB_OUTPUT"
before=$(stat -c %Y "$bin")
action install 2>"$tmp/cached.err"
grep -q '(from the cache)' "$tmp/cached.err" && [ "$(stat -c %Y "$bin")" = "$before" ] && [ "$(out path)" = "$bin" ] || fail "a present binary was not reused: $(cat "$tmp/cached.err")"
ok "the cached binary is reused: $(cat "$tmp/cached.err")"
built_bin=$tmp/httpcodes
cp "$bin" "$built_bin"
# No Go on PATH and no tag: a message that says what to do.
nogo=$tmp/nogo-path; mkdir -p "$nogo"
for t in bash sh env dirname uname mkdir cat sed awk; do ln -s "$(command -v $t)" "$nogo/$t"; done
runner nogo
set +e; PATH=$nogo HTTPCODES_ACTION_REF=main "$nogo/bash" "$repo/scripts/action.sh" install 2>"$tmp/nogo.err"; status=$?; set -e
[ "$status" = 2 ] && grep -q '::error title=httpcodes action::no Go on PATH to build httpcodes at main from source: set the action.s version input' "$tmp/nogo.err" ||
  fail "no Go, ref main: exit $status, $(cat "$tmp/nogo.err")"
ok "no Go on PATH and no release tag: exit 2 and what to do"

step "install: version downloads that release through install.sh (checksum verified)"
goos=$(go env GOOS) goarch=$(go env GOARCH)
srv=$tmp/srv
rel=$srv/good/download/v0.0.7
mkdir -p "$rel/x" "$srv/bad/download/v0.0.7"
cp "$built_bin" "$rel/x/httpcodes"
archive=httpcodes_0.0.7_${goos}_$goarch.tar.gz
tar -czf "$rel/$archive" -C "$rel/x" httpcodes
rm -r "$rel/x"
(cd "$rel" && sha256sum "$archive" > checksums.txt)
cp "$rel"/* "$srv/bad/download/v0.0.7/"
printf 'x' >> "$srv/bad/download/v0.0.7/$archive"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$srv" >"$tmp/http.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
runner release
HTTPCODES_RELEASES_URL=http://127.0.0.1:$port/good INPUT_VERSION=0.0.7 action install 2>"$tmp/release.err" || { cat "$tmp/release.err"; fail "version 0.0.7"; }
cmp -s "$(out path)" "$built_bin" || fail "version 0.0.7 did not install the release's binary"
grep -q "downloading $archive" "$tmp/release.err" || fail "install.sh did not download $archive: $(cat "$tmp/release.err")"
ok "version 0.0.7: $archive from the release, verified"
runner tampered
set +e; HTTPCODES_RELEASES_URL=http://127.0.0.1:$port/bad INPUT_VERSION=v0.0.7 action install 2>"$tmp/bad.err"; status=$?; set -e
[ "$status" = 2 ] && grep -q "checksum mismatch for $archive" "$tmp/bad.err" && [ ! -e "$RUNNER_TEMP/httpcodes-action/bin/httpcodes" ] ||
  fail "a tampered release: exit $status, $(cat "$tmp/bad.err")"
ok "a tampered archive: exit 2, nothing installed"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=

step "check: a pull request's repository, cloned shallow"
git_q() { git -c init.defaultBranch=main -c user.name=test -c user.email=test@example.com "$@"; }
origin=$tmp/origin.git
git_q init -q --bare "$origin"
src=$tmp/src
git_q clone -q "$origin" "$src" 2>/dev/null
cat > "$src/old.go" <<'EOF'
package api

import "net/http"

func login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/login", http.StatusOK)
}
EOF
mkdir -p "$src/svc"
cat > "$src/svc/svc.go" <<'EOF'
package svc

import "net/http"

func fail(w http.ResponseWriter) {
	http.Error(w, "failed", http.StatusOK)
}
EOF
git_q -C "$src" add . && git_q -C "$src" commit -qm base
for i in 1 2 3 4 5; do echo "// $i" >> "$src/svc/svc.go"; git_q -C "$src" commit -qam "base $i"; done
git_q -C "$src" push -q origin main
git_q -C "$src" checkout -qb feature
for i in 1 2 3; do echo "// feature $i" >> "$src/old.go"; git_q -C "$src" commit -qam "feature $i"; done
cat > "$src/new.go" <<'EOF'
package api

import "net/http"

func gone(w http.ResponseWriter) {
	http.Error(w, "oops", http.StatusOK)
}
EOF
git_q -C "$src" add new.go && git_q -C "$src" commit -qm "a new handler"
git_q -C "$src" push -q origin feature
# actions/checkout: the pull request's head, one commit deep, no base branch.
work=$tmp/work
git clone -q --depth 1 --branch feature "file://$origin" "$work"
[ "$(git -C "$work" rev-parse --is-shallow-repository)" = true ] || fail "the clone is not shallow"
cp "$built_bin" "$tmp/bin-for-check"
export HTTPCODES_BIN_DIR=$tmp/check-bin
mkdir -p "$HTTPCODES_BIN_DIR" && cp "$built_bin" "$HTTPCODES_BIN_DIR/httpcodes"

old_error='::error file=old.go,line=6,col=32,endLine=6,endColumn=45,title=httpcodes (redirect-status)::http.Redirect with 200 OK: a redirect needs a 3xx code;'
new_warning='::warning file=new.go,line=6,col=24,endLine=6,endColumn=37,title=httpcodes (error-status)::http.Error with 200 OK:'
svc_warning='::warning file=svc/svc.go,line=6,col=26,endLine=6,endColumn=39,title=httpcodes (error-status)::http.Error with 200 OK:'
run_check() { # name, then VAR=value…: runs the check step in $work; sets status
  runner "$1"; shift
  set +e
  (cd "$work" && env "$@" bash "$repo/scripts/action.sh" check) >"$RUNNER_TEMP/../stdout" 2>"$RUNNER_TEMP/../stderr"
  status=$?
  set -e
  log=$RUNNER_TEMP/../stdout
  sarif=$RUNNER_TEMP/httpcodes/httpcodes.sarif
}
has() { grep -qF -- "$2" "$1" || { cat "$1"; fail "${3:-$1 lacks $2}"; }; }
hasnt() { ! grep -qF -- "$2" "$1" || { cat "$1"; fail "${3:-$1 has $2}"; }; }

run_check all
[ "$status" = 1 ] || { cat "$log" "$RUNNER_TEMP/../stderr"; fail "check with findings exited $status, want 1"; }
has "$log" "$old_error"; has "$log" "$new_warning"; has "$log" "$svc_warning"
[ "$(out sarif-file)" = "$sarif" ] || fail "sarif-file output: $(out sarif-file)"
python3 - "$sarif" <<'EOF' || fail "the SARIF file"
import json, sys
log = json.load(open(sys.argv[1]))
got = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in log["runs"][0]["results"])
want = [("error-status", "new.go", 6), ("error-status", "svc/svc.go", 6), ("redirect-status", "old.go", 6)]
if got != want:
    sys.exit(f"SARIF results {got}, want {want}")
EOF
[ "$(out findings)" = 3 ] && [ "$(out exit-code)" = 1 ] || fail "outputs: $(cat "$GITHUB_OUTPUT")"
has "$GITHUB_STEP_SUMMARY" "### httpcodes"
has "$GITHUB_STEP_SUMMARY" "3 findings (1 error, 2 warnings) in 3 files checked; the step fails (fail-on: warning)."
has "$GITHUB_STEP_SUMMARY" "| [error-status](https://httpcodes.dev/rules/error-status/) | warning | 2 |"
has "$GITHUB_STEP_SUMMARY" "| [redirect-status](https://httpcodes.dev/rules/redirect-status/) | error | 1 |"
[ "$(grep -c '^| \[' "$GITHUB_STEP_SUMMARY")" = 2 ] || fail "the summary's table has not 2 rows: $(cat "$GITHUB_STEP_SUMMARY")"
ok "three annotations, the SARIF file under RUNNER_TEMP, the summary's table, outputs, exit 1"
cat "$GITHUB_STEP_SUMMARY"

run_check only-new INPUT_ONLY_NEW_ISSUES=true GITHUB_BASE_REF=main GITHUB_REF=refs/heads/feature
[ "$status" = 1 ] || { cat "$log" "$RUNNER_TEMP/../stderr"; fail "only-new-issues exited $status, want 1"; }
has "$log" "$new_warning"
hasnt "$log" "$old_error" "only-new-issues reported old.go's finding, on a line the pull request did not change"
hasnt "$log" "$svc_warning" "only-new-issues reported svc/svc.go's finding, in a file the pull request did not change"
has "$RUNNER_TEMP/../stderr" "fetching main from origin"
has "$RUNNER_TEMP/../stderr" "deepening the shallow checkout"
grep -q '"uri": "new.go"' "$sarif" && ! grep -q '"uri": "old.go"' "$sarif" || fail "the SARIF file of only-new-issues: $(cat "$sarif")"
has "$GITHUB_STEP_SUMMARY" "1 finding (1 warning) in "
[ "$(grep -c '^| \[' "$GITHUB_STEP_SUMMARY")" = 1 ] || fail "only-new-issues' summary: $(cat "$GITHUB_STEP_SUMMARY")"
[ "$(out findings)" = 1 ] || fail "only-new-issues: findings=$(out findings)"
ok "only-new-issues: the base fetched, the shallow clone deepened; new.go reported, old.go and svc/svc.go not"
run_check only-new-again INPUT_ONLY_NEW_ISSUES=true GITHUB_BASE_REF=main GITHUB_REF=refs/heads/feature
hasnt "$RUNNER_TEMP/../stderr" "fetching main" "a second run fetched again"
[ "$status" = 1 ] && has "$log" "$new_warning" && hasnt "$log" "$old_error"
ok "a second run uses the fetched base"
run_check push INPUT_ONLY_NEW_ISSUES=true
has "$RUNNER_TEMP/../stderr" "::notice title=httpcodes::only-new-issues applies to pull requests"
[ "$status" = 1 ] && [ "$(out findings)" = 3 ] || fail "only-new-issues outside a pull request: exit $status, findings $(out findings)"
ok "only-new-issues outside a pull request: a notice, every finding"

run_check wd INPUT_WORKING_DIRECTORY=svc INPUT_PATHS=.
[ "$status" = 1 ] || fail "working-directory svc: exit $status"
has "$log" "$svc_warning" "working-directory svc: the annotation does not name svc/svc.go from the repository's root"
hasnt "$log" "old.go"
grep -q '"uri": "svc/svc.go"' "$sarif" || fail "working-directory svc: SARIF $(cat "$sarif")"
ok "working-directory svc: paths relative to the repository"

run_check fail-on-error INPUT_FAIL_ON=error INPUT_PATHS=$'new.go\n  svc\n'  # a YAML block, one path a line
[ "$status" = 0 ] && [ "$(out exit-code)" = 0 ] || fail "fail-on error with warnings only: exit $status"
has "$GITHUB_STEP_SUMMARY" "2 findings (2 warnings) in 2 files checked; the step passes (fail-on: error)."
ok "fail-on error, two warnings (paths one a line): exit 0, the summary says the step passes"

run_check args INPUT_ARGS="--select redirect-status --ignore error-status" INPUT_FORMAT=text
[ "$status" = 1 ] && has "$log" "old.go:6:32: error: http.Redirect with 200 OK" && hasnt "$log" "new.go"
ok "args and format text"

printf 'package api\n' > "$work/clean.go"
run_check clean INPUT_PATHS=clean.go
[ "$status" = 0 ] && [ ! -s "$log" ] || fail "a clean file: exit $status, log $(cat "$log")"
has "$GITHUB_STEP_SUMMARY" "No findings in 1 file checked."
ok "a clean file: exit 0, no annotation, \"No findings\" in the summary"

run_check missing INPUT_PATHS=no-such.go
[ "$status" = 2 ] && [ "$(out exit-code)" = 2 ] || fail "a missing path: exit $status, outputs $(cat "$GITHUB_OUTPUT")"
has "$RUNNER_TEMP/../stderr" "::error title=httpcodes action::httpcodes check exited 2"
ok "a missing path: exit 2 and an error annotation"

echo
echo "action: build in $build_s s; all passed"
