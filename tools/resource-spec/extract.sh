#!/usr/bin/env bash
# Regenerates the create-only (replacement) properties that `medsaas diff` ships, from the
# CloudFormation resource specification in the npm package @aws-cdk/aws-service-spec.
# Usage: tools/resource-spec/extract.sh [VERSION]   (default: the version pinned below)
# Needs Node.js 20+ and the npm registry; installs into a temporary folder, never into the repo.
set -euo pipefail
VERSION="${1:-0.1.216}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/compliance/src/main/resources/fr/medsaas/compliance/diff/replacement-properties.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "@aws-cdk/aws-service-spec@$VERSION")
mkdir -p "$(dirname "$out")"
node "$here/extract.mjs" "$work" "$out"
