#!/usr/bin/env bash
# Erases one media file for good (RGPD art. 17, HARD-11): every version and delete marker of KEY in
# the media bucket, then in its replica. S3 never replicates a DELETE that names a version, so each
# copy is erased by itself; the primary goes first so that a replication still in flight cannot
# bring a version back into a replica already erased, and both are listed again at the end.
#
# Run it with the credentials of the erasure role (<prefix>-media-erasure, MFA only; docs/erasure.md).
#
#   tools/erase-media.sh [--yes] KEY BUCKET@REGION [BUCKET@REGION...]
#   tools/erase-media.sh --yes patients/OPAQUE-ID/scan-17.pdf \
#       medical-saas-media-prod@eu-west-3 medical-saas-media-replica-prod@eu-central-1
#
# Without --yes it only lists what it would delete. AWS_ENDPOINT_URL points it at the emulator.
# Exit codes: 0 erased (or nothing to erase), 2 usage, 3 versions remain after the erasure.
set -euo pipefail

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

apply=false
if [[ "${1:-}" == "--yes" ]]; then apply=true; shift; fi
[[ $# -ge 2 ]] || usage
key=$1; shift
[[ -n "$key" && "$key" != */ ]] || { echo "refused: KEY must name one object, not '$key'" >&2; exit 2; }
for target in "$@"; do
  [[ "$target" == *@* ]] || { echo "refused: '$target' is not BUCKET@REGION" >&2; exit 2; }
done

# Every version id and delete-marker id of exactly KEY (the prefix may match longer keys).
versions() {
  local bucket=$1 region=$2
  aws s3api list-object-versions --bucket "$bucket" --region "$region" --prefix "$key" --output text \
      --query '[Versions[].[Key,VersionId], DeleteMarkers[].[Key,VersionId]][]' \
    | awk -F '\t' -v k="$key" '$1 == k && $2 != "" { print $2 }'
}

remaining=0
for pass in erase verify; do
  for target in "$@"; do
    bucket=${target%@*}; region=${target##*@}
    ids=$(versions "$bucket" "$region")
    count=$(grep -c . <<<"$ids" || true)
    if [[ $pass == verify ]]; then
      echo "$bucket ($region): $count version(s) or marker(s) of $key left"
      remaining=$((remaining + count))
      continue
    fi
    echo "$bucket ($region): $count version(s) or marker(s) of $key"
    [[ $count -gt 0 ]] || continue
    while read -r id; do
      if $apply; then
        aws s3api delete-object --bucket "$bucket" --region "$region" --key "$key" --version-id "$id" >/dev/null
        echo "  deleted $id"
      else
        echo "  would delete $id"
      fi
    done <<<"$ids"
  done
  $apply || exit 0
done
[[ $remaining -eq 0 ]] || { echo "versions remain: check the replication status and run again" >&2; exit 3; }
