#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), kept here so that they can be
# run and tested outside GitHub (scripts/test-action.sh):
#
#   action.sh key       print the cache key of the binary to $GITHUB_OUTPUT
#   action.sh install   build or download the binary, unless the cache held it
#   action.sh check     run httpcodes check: annotations, SARIF, job summary
#
# The inputs come as the environment variables action.yml sets:
#   HTTPCODES_ACTION_PATH   the action's checkout (github.action_path)
#   HTTPCODES_ACTION_REF    the ref the workflow pinned (github.action_ref)
#   HTTPCODES_BIN_DIR       where the binary goes (the cached directory)
#   INPUT_VERSION           a release tag: download it instead of building
#   INPUT_ARGS              more flags for httpcodes check, split on blanks
#   INPUT_WORKING_DIRECTORY the directory the paths are relative to
#   INPUT_PATHS             the paths to check, split on blanks
#   INPUT_FORMAT            the log's format (github: annotations)
#   INPUT_FAIL_ON           the least severity that fails the step
#   INPUT_CONFIG            a configuration file, relative to the working directory
#   INPUT_ONLY_NEW_ISSUES   true: report only the lines a pull request changes
# and the runner's GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_BASE_REF,
# GITHUB_WORKSPACE and RUNNER_TEMP.
#
# The caller's Go is left alone: the build runs the Go already on PATH with
# GOTOOLCHAIN=auto, so a runner's older Go fetches the toolchain go.mod names
# into the action's own GOPATH (module and build caches) under RUNNER_TEMP,
# and nothing is written to GITHUB_PATH or GITHUB_ENV. Without Go on PATH,
# a tagged action installs its own release instead.
set -euo pipefail

say() { printf 'httpcodes action: %s\n' "$*" >&2; }
die() { echo "::error title=httpcodes action::$*" >&2; exit 2; }

action_path=${HTTPCODES_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
ref=${HTTPCODES_ACTION_REF:-}
runner_temp=${RUNNER_TEMP:?RUNNER_TEMP is not set: run this as a step of a GitHub Actions job}
bin_dir=${HTTPCODES_BIN_DIR:-$runner_temp/httpcodes-action/bin}
version=${INPUT_VERSION:-}
exe=httpcodes
case $(uname -s) in MINGW*|MSYS*|CYGWIN*) exe=httpcodes.exe ;; esac
bin=$bin_dir/$exe

output() { echo "$1=$2" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"; }

# key: what the binary is made from. A release: its tag. A build: the
# SHA-256 of the Go sources, go.mod and go.sum of the action's checkout, so
# that a branch ref that moves gets a new binary and a pinned SHA or tag
# reuses the cached one.
cmd_key() {
  local key
  if [ -n "$version" ]; then
    case $version in
      latest) die "version: latest is not allowed: pin a release tag such as v0.2.0, or leave version empty to build the pinned action" ;;
      v*) key=release-$version ;;
      *) key=release-v$version ;;
    esac
  else
    key=source-$(cd "$action_path" && find . -path ./node_modules -prune -o -path ./dist -prune -o \
      \( -name '*.go' -o -name go.mod -o -name go.sum \) -type f -print | LC_ALL=C sort |
      xargs sha256sum | sha256sum | cut -c1-32)
  fi
  output key "$key"
  say "cache key $key"
}

cmd_install() {
  if [ -x "$bin" ]; then
    say "$("$bin" version) (from the cache)"
    output path "$bin"
    return
  fi
  mkdir -p "$bin_dir"
  if [ -n "$version" ]; then
    install_release "$version"
  elif command -v go >/dev/null 2>&1; then
    build
  elif [[ $ref =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then
    say "no Go on PATH: installing the release $ref that the workflow pinned"
    install_release "$ref"
  else
    die "no Go on PATH to build httpcodes ${ref:+at $ref }from source: set the action's version input to a release tag (v0.2.0) to download it, or pin the action to a release tag"
  fi
  [ -x "$bin" ] || die "no binary at $bin after the install"
  say "$("$bin" version)"
  output path "$bin"
}

install_release() {
  # install.sh of this checkout (the pinned one) downloads the archive and
  # refuses it unless its SHA-256 is the one checksums.txt lists.
  sh "$action_path/install.sh" -b "$bin_dir" "$1" || die "could not install httpcodes $1"
}

build() {
  local gopath=$runner_temp/httpcodes-action/go ldflags=-s
  # A tag names the version; a commit SHA, the commit (the action's
  # checkout has no .git for Go to read it from).
  if [[ $ref =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then
    ldflags+=" -X main.version=$ref"
  elif [[ $ref =~ ^[0-9a-f]{40}$ ]]; then
    ldflags+=" -X main.commit=$ref"
  fi
  say "building httpcodes ${ref:+$ref }from $action_path with $(go env GOVERSION 2>/dev/null || echo go) (GOTOOLCHAIN=auto)"
  (cd "$action_path" &&
    env GOTOOLCHAIN=auto GOPATH="$gopath" GOMODCACHE="$gopath/pkg/mod" GOCACHE="$gopath/cache" \
      GOFLAGS=-mod=readonly CGO_ENABLED=0 GOWORK=off \
      go build -trimpath -buildvcs=false -ldflags "$ldflags" -o "$bin.partial" ./cmd/httpcodes) ||
    die "go build failed"
  mv "$bin.partial" "$bin"
}

cmd_check() {
  [ -x "$bin" ] || die "no httpcodes at $bin: run action.sh install first"
  local wd=${INPUT_WORKING_DIRECTORY:-.} format=${INPUT_FORMAT:-github} fail_on=${INPUT_FAIL_ON:-warning}
  local out=$runner_temp/httpcodes sarif paths=() extra=() common=() p
  mkdir -p "$out"
  sarif=$out/httpcodes.sarif
  [ -d "$wd" ] || die "working-directory $wd is not a directory"
  wd=${wd%/}
  # The check runs where the step runs (the workspace), with the paths
  # joined to the working directory: annotations and code scanning need
  # paths relative to the repository, and the check prints them relative
  # to where it runs.
  local words=()
  split "${INPUT_PATHS:-.}"
  [ ${#words[@]} -gt 0 ] || words=(.)
  for p in "${words[@]}"; do paths+=("$(join_path "$wd" "$p")"); done
  split "${INPUT_ARGS:-}"
  extra=("${words[@]}")
  common=(--fail-on "$fail_on")
  [ -z "${INPUT_CONFIG:-}" ] || common+=(--config "$(join_path "$wd" "$INPUT_CONFIG")")
  if [ "${INPUT_ONLY_NEW_ISSUES:-false}" = true ]; then
    local base
    base=$(merge_base_rev)
    [ -z "$base" ] || common+=(--new-from-merge-base "$base")
  fi
  common+=("${extra[@]}")

  # The log (annotations by default), then the SARIF file and the counts
  # per rule: three runs of the check, each well under a second on a
  # repository of thousands of files, rather than one format converted
  # into the others here.
  # sarif: the log gets the text report, and the SARIF file goes to code
  # scanning (action.yml uploads it).
  local status=0 log_format=$format
  [ "$format" != sarif ] || log_format=text
  "$bin" check "${common[@]}" --format "$log_format" -- "${paths[@]}" || status=$?
  if [ "$status" -gt 1 ]; then
    output exit-code "$status"
    die "httpcodes check exited $status"
  fi
  "$bin" check "${common[@]}" --quiet --exit-zero --format sarif -o "$sarif" -- "${paths[@]}" ||
    die "httpcodes check --format sarif failed"
  "$bin" check "${common[@]}" --exit-zero --statistics -- "${paths[@]}" >"$out/statistics.txt" 2>"$out/statistics.err" ||
    { cat "$out/statistics.err" >&2; die "httpcodes check --statistics failed"; }
  local findings
  findings=$(awk '{ n += $1 } END { print n + 0 }' "$out/statistics.txt")
  summary "$findings" "$status" "$out/statistics.txt" "$(grep '^httpcodes: ' "$out/statistics.err" | tail -1)"
  output sarif-file "$sarif"
  output findings "$findings"
  output exit-code "$status"
  return "$status"
}

# split WORDS sets words to WORDS split on blanks and newlines (a YAML
# block of one path a line), with no globbing and no quoting.
split() {
  local IFS=$' \t\n'
  set -f
  # shellcheck disable=SC2206 # splitting is the point
  words=($1)
  set +f
}

# join_path DIR PATH: PATH relative to DIR, as a path relative to where the
# check runs; an absolute PATH stays as it is.
join_path() {
  local d=$1 p=$2
  case $p in /*) echo "$p"; return ;; esac
  p=${p#./}
  [ "$d" = . ] && { echo "${p:-.}"; return; }
  case $p in
    .|"") echo "$d" ;;
    *) echo "$d/$p" ;;
  esac
}

# merge_base_rev prints the revision the pull request's changes are
# measured from (origin/BASE), fetching the base branch, and deepening a
# shallow checkout until HEAD and the base meet. Outside a pull request it
# prints nothing, and every finding is reported.
merge_base_rev() {
  local base=${GITHUB_BASE_REF:-}
  if [ -z "$base" ]; then
    echo "::notice title=httpcodes::only-new-issues applies to pull requests (no GITHUB_BASE_REF); every finding is reported" >&2
    return
  fi
  local remote=origin rev=refs/remotes/origin/$base
  if ! git rev-parse --verify --quiet "$rev^{commit}" >/dev/null; then
    say "fetching $base from $remote"
    git fetch --quiet --no-tags "$remote" "+refs/heads/$base:$rev" >&2 || die "could not fetch the base branch $base from $remote"
  fi
  local depth=64
  while ! git merge-base HEAD "$rev" >/dev/null 2>&1; do
    [ "$(git rev-parse --is-shallow-repository)" = true ] || die "HEAD and $base have no common ancestor"
    if [ "$depth" -gt 4096 ]; then
      git fetch --quiet --no-tags --unshallow "$remote" >&2 || die "could not unshallow the checkout"
    else
      say "deepening the shallow checkout by $depth commits to find the merge base with $base"
      # The pull request's ref (refs/pull/N/merge) is HEAD's history.
      git fetch --quiet --no-tags --deepen="$depth" "$remote" "+refs/heads/$base:$rev" ${GITHUB_REF:+"$GITHUB_REF"} >&2 ||
        die "could not deepen the checkout"
      depth=$((depth * 4))
    fi
  done
  echo "origin/$base"
}

summary() { # findings status statistics-file totals-line
  local file=${GITHUB_STEP_SUMMARY:-}
  [ -n "$file" ] || return 0
  {
    echo "### httpcodes"
    echo
    if [ "$1" = 0 ]; then
      local files=${4#*findings }
      echo "No findings${4:+ $files}."
    else
      echo "${4#httpcodes: }; the step $([ "$2" = 0 ] && echo passes || echo fails) (fail-on: ${INPUT_FAIL_ON:-warning})."
      echo
      echo "| Rule | Severity | Findings |"
      echo "| --- | --- | ---: |"
      awk '{ printf "| [%s](https://httpcodes.dev/rules/%s/) | %s | %d |\n", $2, $2, $3, $1 }' "$3"
    fi
    echo
  } >> "$file"
}

case ${1:-} in
  key) cmd_key ;;
  install) cmd_install ;;
  check) cmd_check ;;
  *) echo "usage: action.sh key|install|check" >&2; exit 2 ;;
esac
