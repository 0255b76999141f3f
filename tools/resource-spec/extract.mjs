// Extracts, for every CloudFormation resource type, the properties whose change makes
// CloudFormation replace the resource (the registry schemas' createOnlyProperties, as carried by
// the @aws-cdk/aws-service-spec npm package: causesReplacement "yes", or "maybe" when the schema
// says it depends), and whether the spec marks the type stateful. Writes the shipped, dated file
// that `medsaas diff` reads. Run through ./extract.sh, which installs the pinned package first.
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const [, , moduleDir, outFile] = process.argv;
const require = createRequire(moduleDir + '/');
const pkgJson = require.resolve('@aws-cdk/aws-service-spec/package.json');
const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
const db = JSON.parse(gunzipSync(readFileSync(pkgJson.replace(/package\.json$/, 'db.json.gz'))));

const types = {};
for (const e of Object.values(db.schema.resource.entities)) {
  const replaces = [];
  const mayReplace = [];
  for (const [name, p] of Object.entries(e.properties ?? {})) {
    if (p.causesReplacement === 'yes') replaces.push(name);
    else if (p.causesReplacement === 'maybe') mayReplace.push(name);
  }
  if (replaces.length === 0 && mayReplace.length === 0 && !e.isStateful) continue;
  types[e.cloudFormationType] = { stateful: !!e.isStateful, replaces: replaces.sort(), mayReplace: mayReplace.sort() };
}
const sorted = Object.fromEntries(Object.keys(types).sort().map(k => [k, types[k]]));
const out = {
  source: `${pkg.name}@${pkg.version}`,
  extracted: new Date().toISOString().slice(0, 10),
  note: 'replaces: createOnlyProperties (a change replaces the resource); mayReplace: a change may replace it '
      + '(conditional); stateful: the spec marks the type stateful. Regenerate with tools/resource-spec/extract.sh.',
  types: sorted,
};
// One line per type: small, and a regeneration reads as a diff of the types that changed.
const lines = Object.entries(sorted).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
writeFileSync(outFile, '{\n'
  + ` "source": ${JSON.stringify(out.source)},\n "extracted": ${JSON.stringify(out.extracted)},\n`
  + ` "note": ${JSON.stringify(out.note)},\n "types": {\n${lines.join(',\n')}\n }\n}\n`);
console.log(`${Object.keys(sorted).length} types from ${out.source} written to ${outFile}`);
