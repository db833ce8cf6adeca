#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml with the real pre-commit (Debian's package
# pre-commit, or pip's), offline, on a temporary git repository:
#   - every extension `httpcodes languages` lists, and nginx's file names,
#     go to exactly one of the two hooks (pre-commit's filters, identify's
#     tags); other files to none;
#   - the golang hooks, built by pre-commit from a tagged copy of this
#     checkout: a commit with a known bug fails with the finding, a file the
#     project's .httpcodes.yaml excludes is not reported, a clean commit
#     passes; the nginx hook finds a bug in sites-enabled/;
#   - the -system hooks with httpcodes on PATH, the same way.
# Nothing is skipped (CI=true or not). KEEP=1 keeps the temporary directory.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
now() { date +%s; }

command -v pre-commit >/dev/null || fail "pre-commit is missing: apt-get install pre-commit (or pip install pre-commit)"
# pre-commit's own Python: its identify and PyYAML.
pc_python=$(head -1 "$(command -v pre-commit)" | sed -n 's/^#! *//p')
[ -x "${pc_python%% *}" ] || pc_python=python3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/httpcodes-pre-commit.XXXXXX")
cleanup() { chmod -R u+w "$tmp" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT; [ -n "${KEEP:-}" ] && trap - EXIT
export PRE_COMMIT_HOME=$tmp/pre-commit-home
# pre-commit's golang hook runs go install ./... in its own GOPATH: the
# modules come from the local module cache, offline, checked against go.sum;
# -trimpath lets the build cache serve it from the second run on, though
# each run has its own GOPATH.
export GOPROXY=file://$(go env GOMODCACHE)/cache/download GOSUMDB=off GOFLAGS=-trimpath GOMODCACHE=
git_q() { git -c init.defaultBranch=main -c user.name=test -c user.email=test@example.com -c commit.gpgsign=false "$@"; }

step "pre-commit $(pre-commit --version | cut -d ' ' -f 2): which hook takes which file"
go build -o "$tmp/bin/httpcodes" ./cmd/httpcodes
"$tmp/bin/httpcodes" languages --json > "$tmp/languages.json"
"$pc_python" - "$repo/.pre-commit-hooks.yaml" "$tmp/languages.json" <<'EOF' || fail "the hooks' file selection"
# pre-commit's selection (files, exclude, types, types_or, exclude_types,
# with identify's tags), for a name per extension and nginx's names.
import json, re, sys
import yaml
from identify import identify
hooks = {h["id"]: h for h in yaml.safe_load(open(sys.argv[1]))}
def takes(h, name):
    tags = identify.tags_from_filename(name)
    return (re.search(h.get("files", ""), name) is not None
            and not re.search(h.get("exclude", "^$"), name)
            and set(h.get("types", [])) <= tags
            and (not h.get("types_or") or tags & set(h["types_or"]))
            and not tags & set(h.get("exclude_types", [])))
names = []
for lang in json.load(open(sys.argv[2])):
    if lang["name"] == "nginx":
        continue
    names += ["src/x" + ext for ext in lang["extensions"]]
names += ["nginx.conf", "deploy/nginx/nginx.conf.j2", "etc/nginx/conf.d/site.conf", "sites-enabled/default",
          "sites-available/app.conf", "templates/default.conf.template", "proxy/nginx.tmpl", "x.nginx", "x.nginxconf"]
errors = []
for pair in [("httpcodes", "httpcodes-nginx"), ("httpcodes-system", "httpcodes-nginx-system")]:
    for name in names:
        n = [h for h in pair if takes(hooks[h], name)]
        if len(n) != 1:
            errors.append(f"{name}: taken by {n or 'no hook'} of {pair}")
    for name in ["README.md", "notes.txt", "app.conf", "Makefile", "src/x.c", "docs/x.html"]:
        n = [h for h in pair if takes(hooks[h], name)]
        if n:
            errors.append(f"{name}: taken by {n}, and httpcodes reads no such file")
for a, b in [("httpcodes", "httpcodes-system"), ("httpcodes-nginx", "httpcodes-nginx-system")]:
    for k in ["entry", "files", "types_or", "exclude_types"]:
        if hooks[a].get(k) != hooks[b].get(k):
            errors.append(f"{a} and {b} differ in {k}")
for h in hooks.values():
    if "--force-exclude" not in h["entry"].split():
        errors.append(f"{h['id']} does not pass --force-exclude")
if errors:
    sys.exit("\n".join(errors))
print(f"ok: {len(names)} file names, each taken by one hook of each pair; other files by none")
EOF

step "a project with a known bug, an excluded file and a clean file"
# The hooks' repository: a tagged copy of this checkout's files (as they
# are, committed or not), which pre-commit clones.
hooks_repo=$tmp/hooks-repo
mkdir "$hooks_repo"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
  xargs -0 cp --parents -t "$hooks_repo"
git_q -C "$hooks_repo" init -q && git_q -C "$hooks_repo" add -A && git_q -C "$hooks_repo" commit -qm hooks && git_q -C "$hooks_repo" tag v0.0.0-test
proj=$tmp/project
git_q init -q "$proj"
cat > "$proj/.httpcodes.yaml" <<'EOF'
exclude:
  - generated/**
EOF
write_config() { # hook ids
  {
    echo "repos:"
    echo "  - repo: $hooks_repo"
    echo "    rev: v0.0.0-test"
    echo "    hooks:"
    for id in "$@"; do echo "      - id: $id"; done
  } > "$proj/.pre-commit-config.yaml"
}
mkdir -p "$proj/generated" "$proj/sites-enabled"
cat > "$proj/generated/client.go" <<'EOF'
package generated

import "net/http"

func fail(w http.ResponseWriter) {
	http.Error(w, "failed", http.StatusOK)
}
EOF
printf 'package api\n\nfunc Clean() {}\n' > "$proj/clean.go"
printf 'export const ok = 1;\n' > "$proj/clean.ts"
git_q -C "$proj" add . && git_q -C "$proj" commit -qm "the project" --no-verify

commit() { # message, files…: stages the files, commits through the hooks; sets status
  local msg=$1; shift
  git_q -C "$proj" add "$@"
  set +e
  (cd "$proj" && git_q commit -qm "$msg") >"$tmp/commit.out" 2>&1
  status=$?
  set -e
}
run_suite() { # hook ids
  write_config "$@"
  git_q -C "$proj" add .pre-commit-config.yaml && git_q -C "$proj" commit -qm "hooks: $*" --no-verify
  (cd "$proj" && pre-commit install -f >/dev/null)
  local start
  start=$(now)
  # The first run installs the hook's environment (go install for golang).
  (cd "$proj" && pre-commit install-hooks) >"$tmp/install.out" 2>&1 || { cat "$tmp/install.out"; fail "pre-commit install-hooks ($*)"; }
  echo "pre-commit install-hooks: $(( $(now) - start )) s"

  # A file the configuration excludes, staged with a clean one: passes,
  # and the excluded file's finding is not reported.
  printf '// touched\n' >> "$proj/generated/client.go"
  printf '// touched\n' >> "$proj/clean.go"
  commit "excluded and clean" generated/client.go clean.go
  [ "$status" = 0 ] || { cat "$tmp/commit.out"; fail "a commit of an excluded file and a clean one failed ($*)"; }
  ! grep -q 'client.go' "$tmp/commit.out" || { cat "$tmp/commit.out"; fail "the excluded generated/client.go was reported ($*)"; }
  grep -q '^httpcodes check\.*Passed' "$tmp/commit.out" || { cat "$tmp/commit.out"; fail "the hook did not run on clean.go ($*)"; }
  ok "$1: an excluded file with a bug and a clean file: committed, nothing reported"

  # A known bug: the commit fails with the finding.
  cat > "$proj/login.go" <<'EOF'
package api

import "net/http"

func login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/login", http.StatusOK)
}
EOF
  commit "a bug" login.go
  [ "$status" != 0 ] || { cat "$tmp/commit.out"; fail "a commit with http.Redirect(…, 200) passed ($*)"; }
  grep -q '^httpcodes check\.*Failed' "$tmp/commit.out" &&
    grep -q '^login.go:6:32: error: http.Redirect with 200 OK: a redirect needs a 3xx code;.* \[redirect-status\]$' "$tmp/commit.out" ||
    { cat "$tmp/commit.out"; fail "the failed commit does not report login.go's finding ($*)"; }
  ok "$1: a commit with a known bug fails with the finding"
  git_q -C "$proj" reset -q HEAD login.go && rm "$proj/login.go"

  # nginx: the other hook takes sites-enabled/app.
  mkdir -p "$proj/sites-enabled"
  printf 'server {\n    limit_conn_status 200;\n}\n' > "$proj/sites-enabled/app"
  commit "nginx" sites-enabled/app
  [ "$status" != 0 ] && grep -q '^httpcodes check (nginx)\.*Failed' "$tmp/commit.out" &&
    grep -q '^sites-enabled/app:2:23: warning: limit_conn_status with 200 OK:.* \[error-status\]$' "$tmp/commit.out" ||
    { cat "$tmp/commit.out"; fail "the nginx hook did not fail on sites-enabled/app ($*)"; }
  ok "$2: sites-enabled/app with limit_conn_status 200 fails"
  printf 'server {\n    limit_conn_status 503;\n}\n' > "$proj/sites-enabled/app"
  commit "nginx fixed" sites-enabled/app
  [ "$status" = 0 ] || { cat "$tmp/commit.out"; fail "a clean nginx file failed ($*)"; }
  ok "$2: the fixed file is committed"
  git_q -C "$proj" rm -q sites-enabled/app && git_q -C "$proj" commit -qm "drop" --no-verify
}

step "the golang hooks (built by pre-commit from the tag)"
start=$(now)
run_suite httpcodes httpcodes-nginx
golang_s=$(( $(now) - start ))

step "the -system hooks (httpcodes on PATH)"
set +e
(cd "$proj" && env PATH=/usr/bin:/bin pre-commit try-repo "$hooks_repo" httpcodes-system --files clean.go) >"$tmp/nopath.out" 2>&1
status=$?
set -e
[ "$status" != 0 ] && grep -q 'Executable `httpcodes` not found' "$tmp/nopath.out" || { cat "$tmp/nopath.out"; fail "httpcodes-system without httpcodes on PATH: exit $status"; }
ok "without httpcodes on PATH, httpcodes-system fails and says so"
start=$(now)
PATH=$tmp/bin:$PATH run_suite httpcodes-system httpcodes-nginx-system
system_s=$(( $(now) - start ))

echo
echo "pre-commit: golang hooks in $golang_s s (the build included), system hooks in $system_s s; all passed"
