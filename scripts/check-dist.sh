#!/usr/bin/env bash
# Rebuilds dist/ from the sources and the lock file and fails when the committed dist/ differs from it, or when the
# build leaves files in dist/ that git does not track. Used by .ci/run and by .github/workflows/check-dist.yml (which
# then uploads the rebuilt dist/ as an artifact). Needs node_modules (npm ci) and a git checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build
stale=0
if ! git diff --quiet --text -- dist; then
  echo "dist/ differs from what the sources build to:" >&2
  git diff --stat --text -- dist >&2
  stale=1
fi
untracked="$(git ls-files --others --exclude-standard -- dist)"
if [ -n "$untracked" ]; then
  echo "The build writes files dist/ does not track:" >&2
  echo "$untracked" | sed 's/^/  /' >&2
  stale=1
fi
if [ "$stale" = 1 ]; then
  echo "dist/ is stale: run 'npm run build' and commit dist/ (CI uploads the expected dist/ as the 'dist' artifact)." >&2
  exit 1
fi
echo "dist/ is what the sources build to."
