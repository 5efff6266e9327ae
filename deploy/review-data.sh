#!/usr/bin/env bash
# The review of a pull or merge request that changes data/: `rota check` of its data, then
# `rota diff` from the target branch's data/ to it, as Markdown on standard output for the
# review (job summary, pull request comment, merge request note). Used by
# deploy/github/review-data.yml and deploy/gitlab/.gitlab-ci.yml.
#
#   deploy/review-data.sh TARGET_BRANCH > review.md
#
# Run from the root of the request's checkout, with cargo and a git remote "origin" that holds
# TARGET_BRANCH. It builds the rota CLI itself (see below); ROTA=path uses a built one instead.
# Exit status: 0 when the request's data is valid, whether or not it changes the schedule
# (changing it is what the request is for); 1 when the data is invalid or cannot be compared.
# The report says which either way, so it is worth posting even when the job fails.
set -euo pipefail
target=${1:?usage: deploy/review-data.sh TARGET_BRANCH > review.md}
work=$(mktemp -d)
# Without a worktree (the fetch failed) the removal fails; that must not change the status.
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# Indented, the output is a Markdown code block that no text in the data can close.
block() { echo; sed 's/^/    /' "$1"; echo; }

git fetch --quiet --depth=1 origin "$target"
git worktree add --quiet --detach "$work/base" FETCH_HEAD
# The CLI embeds a data folder when it is built, and its build refuses invalid data: built with
# this request's data, it could not report what is wrong with it. So it embeds the target
# branch's; check and diff read the folders they are given.
if [[ -z ${ROTA:-} ]]; then
  ROTA_DATA_DIR="$work/base/data" cargo build --quiet --locked -p rota-cli >&2
fi
rota=${ROTA:-target/debug/rota}

# The marker lets the GitHub recipe find and update its own comment.
echo "<!-- rota data review -->"
echo "### On-call data review"
if ! "$rota" check --data data >"$work/check" 2>&1; then
  echo "**The data of this request is invalid**: the site would not build. \`rota check\` says:"
  block "$work/check"
  exit 1
fi
echo "\`rota check\`:"
block "$work/check"

status=0
"$rota" diff "$work/base/data" data >"$work/diff" 2>"$work/stderr" || status=$?
# diff exits 1 when the schedule changes, which is what the request is for; 2 is an error.
if [[ $status -gt 1 ]]; then
  echo "\`rota diff\` from \`$target\` to this request failed:"
  block "$work/stderr"
  exit 1
fi
echo "\`rota diff\` from \`$target\` to this request:"
if [[ -s $work/stderr ]]; then
  echo
  echo "**Careful: this changes weeks that are already under way.**"
  block "$work/stderr"
fi
block "$work/diff"
