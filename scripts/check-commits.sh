#!/usr/bin/env bash
# Commit messages people can scan in `git log --oneline`: a subject of at most 72 characters,
# then (if there is more to say) a blank line and the body. Checks every commit after the one
# this rule started from (7cff42f; earlier subjects were longer and stay as history), or the
# range given: scripts/check-commits.sh [REVISION-RANGE]. The commit-msg hook in
# scripts/git-hooks checks a message before it is committed (git config core.hooksPath scripts/git-hooks).
set -uo pipefail
cd "${CHECK_COMMITS_REPOSITORY:-$(dirname "$0")/..}"

base=7cff42f
range=${1:-$base..HEAD}
if [ $# -eq 0 ] && ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  echo "check-commits: $base is not in this clone (a shallow clone?); nothing to check."
  exit 0
fi

bad=0
while IFS= read -r commit; do
  subject=$(git log -1 --format=%s "$commit")
  second=$(git log -1 --format=%B "$commit" | sed -n 2p)
  if [ ${#subject} -gt 72 ]; then
    echo "check-commits: ${commit:0:7} has a ${#subject}-character subject (at most 72): $subject" >&2
    bad=1
  fi
  if [ -n "$second" ]; then
    echo "check-commits: ${commit:0:7} has no blank line after its subject: $subject" >&2
    bad=1
  fi
done < <(git rev-list "$range")
exit $bad
