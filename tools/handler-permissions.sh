#!/usr/bin/env bash
# Refreshes CloudFormation's handler-permission table (ACC-1) from the registry of an AWS account:
# for every resource type the table holds (or the types given), `aws cloudformation describe-type`
# returns the type's schema, whose handlers.create/update/delete.permissions are the rows.
#
#   tools/handler-permissions.sh [--region REGION] [TYPE...] > new.tsv
#   diff compliance/src/main/resources/fr/medsaas/compliance/access/handler-permissions.tsv new.tsv
#
# Needs the AWS CLI v2 and credentials allowed cloudformation:DescribeType; python3 reads the JSON.
# A type whose schema publishes no handler permissions is printed as a comment, to be written by
# hand from the service's IAM reference (as the shipped table does for three legacy types).
# Exit codes: 0 written, 2 usage or no AWS CLI, 3 a type could not be described.
set -euo pipefail

table="$(cd "$(dirname "$0")/.." && pwd)/compliance/src/main/resources/fr/medsaas/compliance/access/handler-permissions.tsv"
region=${AWS_REGION:-eu-west-3}
if [[ "${1:-}" == "--region" ]]; then region=${2:?--region needs a value}; shift 2; fi
case "${1:-}" in -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2;; esac
command -v aws >/dev/null 2>&1 || { echo "refused: the AWS CLI (aws) is not on PATH" >&2; exit 2; }

if [[ $# -gt 0 ]]; then types=("$@"); else
  mapfile -t types < <(grep -v '^#' "$table" | tail -n +2 | cut -f1 | sort -u)
fi

echo "# CloudFormation's resource handlers: the IAM permissions each handler of each resource type calls"
echo "# with, as the registry schema publishes them (handlers.create/update/delete.permissions)."
echo "# read $(date -u +%F) from aws cloudformation describe-type in $region (tools/handler-permissions.sh)."
printf 'type\thandler\tpermissions\tsource\tcommit\n'
failed=0
for type in "${types[@]}"; do
  if ! out=$(aws cloudformation describe-type --region "$region" --type RESOURCE --type-name "$type" \
      --query '{schema: Schema, version: DefaultVersionId}' --output json 2>&1); then
    echo "# $type: describe-type failed: ${out//$'\n'/ }"; failed=1; continue
  fi
  TYPE="$type" REGION="$region" python3 -c '
import json, os, sys
d = json.load(sys.stdin)
schema = json.loads(d["schema"])
handlers = schema.get("handlers", {})
rows = [(h, handlers[h].get("permissions", [])) for h in ("create", "update", "delete") if h in handlers]
if not rows:
    print("# " + os.environ["TYPE"] + ": the schema publishes no handler permissions; write its rows by hand")
for h, perms in rows:
    print("\t".join([os.environ["TYPE"], h, ",".join(perms),
                     "aws cloudformation describe-type " + os.environ["REGION"], d.get("version") or "-"]))
' <<<"$out"
done
exit $((failed * 3))
