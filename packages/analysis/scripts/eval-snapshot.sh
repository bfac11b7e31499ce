#!/usr/bin/env bash
# packages/analysis/scripts/eval-snapshot.sh OUTDIR — writes `npm run eval -- DIR --errors` (figures,
# every error line and the exit code) for the shared dev and holdout-1 sets and every regression
# corpus into OUTDIR, one file per set. A change that must not change behaviour (a speed pass, a
# refactor) is checked with a snapshot before and after: `diff -r BEFORE AFTER` must print nothing.
# The shared sets are taken from EVAL_SHARED, else from the first shared/eval above the repository.
set -u
out=${1:?usage: eval-snapshot.sh OUTDIR}
repo=$(cd "$(dirname "$0")/../../.." && pwd)
shared=${EVAL_SHARED:-}
if [ -z "$shared" ]; then
  d=$repo
  while [ "$d" != / ]; do
    [ -d "$d/shared/eval" ] && shared=$d/shared/eval && break
    d=$(dirname "$d")
  done
fi
mkdir -p "$out" && out=$(cd "$out" && pwd)
sets=()
[ -n "$shared" ] && sets+=("$shared/dev" "$shared/holdout-1")
cd "$repo" || exit 2
for c in packages/analysis/corpus/*/; do sets+=("${c%/}"); done
for dir in "${sets[@]}"; do
  name=$(basename "$dir")
  case $dir in "$shared"/*) name=shared-$name ;; esac
  ./node_modules/.bin/tsx packages/analysis/scripts/eval.ts "$dir" --errors >"$out/$name.txt" 2>&1
  echo "exit $?" >>"$out/$name.txt"
  echo "$name: $(wc -l <"$out/$name.txt") lines"
done
