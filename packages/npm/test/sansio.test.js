// The sans-IO layer driven by hand: flows, the pager, plans and retry
// decisions, with this file doing its own HTTP against the emulator.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sansio as fromRoot } from 'rosterkit';
import { Flow, Pager, UnifiedPager, buildRequest, capabilities, parseResponse, planChanges, planSync, retryDecision } from 'rosterkit/sansio';
import { useEmulator, SSW_ORG, SPOTNANA_COMPANY } from './support/emulator.js';

const emulator = useEmulator();
const ssw = () => ({ baseUrl: `${emulator.url}/ssw`, token: 'ssw-demo-token' });
const b2core = () => ({ baseUrl: `${emulator.url}/b2core`, token: 'b2core-demo-token' });

async function send(request) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? undefined });
  return { status: response.status, headers: [...response.headers], body: new Uint8Array(await response.arrayBuffer()) };
}

/** The host loop of the design, by hand (no sleeps expected here). */
async function run(flow) {
  let step = flow.start();
  let elapsed = 0;
  while (step.step !== 'done') {
    assert.equal(step.step, 'send');
    step = flow.onResponse(await send(step.request), ++elapsed);
  }
  flow.free();
  return step;
}

test('the named export and the subpath are the same module', () => {
  assert.equal(fromRoot.buildRequest, buildRequest);
});

test('buildRequest then parseResponse over real HTTP', async () => {
  const input = { organization_id: SSW_ORG, page: 1, page_size: 3 };
  const request = buildRequest('ssw.list_groups', input, ssw());
  assert.equal(request.url, `${emulator.url}/ssw/iam/v1/organization/org_demo/groups?page=1&page_size=3`);
  const output = parseResponse('ssw.list_groups', input, await send(request));
  assert.equal(output.groups.length, 3);
  assert.equal(output.groups[0].group_id, 'grp_001', 'endpoint outputs keep the vendor field names');
});

test('Flow.unified gives camelCase unified models', async () => {
  const step = await run(Flow.unified({ provider: 'b2core' }, { op: 'getGroup', groupId: '1' }, b2core()));
  assert.deepEqual(step, {
    step: 'done',
    ok: true,
    value: {
      id: '1',
      name: 'Administrators',
      permissions: [{ name: 'accounts.create' }, { name: 'accounts.read' }],
      readOnly: false,
    },
  });
  const members = await run(Flow.unified({ provider: 'ssw', tenantId: SSW_ORG }, { op: 'listMembers', groupId: 'grp_001' }, ssw()));
  assert.ok(members.value.some((m) => m.userId === 'user_123'));
});

test('Flow.unified reports a vendor error as a RosterKitError', async () => {
  const step = await run(Flow.unified({ provider: 'b2core' }, { op: 'getGroup', groupId: '999999' }, b2core()));
  assert.equal(step.ok, false);
  assert.equal(step.error.name, 'RosterKitError');
  assert.equal(step.error.kind, 'not_found');
});

test('Flow.unified refuses what the vendor cannot do', () => {
  assert.throws(() => Flow.unified({ provider: 'b2core' }, { op: 'listMembers', groupId: '1' }, b2core()), {
    kind: 'unsupported',
    provider: 'b2core',
    operation: 'listMembers',
  });
});

test('Flow.allPages and Pager walk the same pages', async () => {
  const input = { organization_id: SSW_ORG, page_size: 9 };
  const all = await run(Flow.allPages('ssw.list_groups', input, ssw()));
  const pager = new Pager('ssw.list_groups', input);
  assert.equal(pager.style, 'pageNumber');
  const items = [];
  for (let call = pager.nextCall(); call !== null; call = pager.nextCall()) {
    assert.equal(call.endpoint, 'ssw.list_groups');
    const request = buildRequest(call.endpoint, call.input, ssw());
    items.push(...pager.advance(parseResponse(call.endpoint, call.input, await send(request))));
  }
  assert.equal(pager.done, true);
  pager.free();
  assert.deepEqual(items, all.value);
});

test('UnifiedPager yields unified models page by page', async () => {
  const pager = new UnifiedPager({ provider: 'spotnana', tenantId: SPOTNANA_COMPANY }, { op: 'listGroups' });
  const target = { baseUrl: `${emulator.url}/spotnana`, token: 'spotnana-demo-token' };
  const groups = [];
  let pages = 0;
  for (let call = pager.nextCall(); call !== null; call = pager.nextCall()) {
    const response = await send(buildRequest(call.endpoint, call.input, target));
    groups.push(...pager.advance(parseResponse(call.endpoint, call.input, response)));
    pages++;
  }
  pager.free();
  assert.ok(groups.length > 0);
  assert.ok(groups.every((g) => typeof g.id === 'string' && typeof g.readOnly === 'boolean'));
  const all = await run(Flow.unified({ provider: 'spotnana', tenantId: SPOTNANA_COMPANY }, { op: 'listGroups' }, target));
  assert.deepEqual(groups, all.value);
  assert.ok(pages >= 1);
  assert.throws(() => new UnifiedPager({ provider: 'b2core' }, { op: 'getGroup', groupId: '1' }), { kind: 'invalid_input', field: 'op' });
});

test('the pager stops a server that repeats a page', () => {
  const pager = new Pager('ssw.list_groups', { organization_id: 'o', page_size: 1 });
  const page = { groups: [{ group_id: 'g1' }], total: 5 };
  pager.advance(page);
  assert.throws(() => pager.advance(page), { kind: 'decode' });
});

describe('plans', () => {
  test('planSync: Spotnana moves everyone in one call', () => {
    const plan = planSync({ provider: 'spotnana', tenantId: SPOTNANA_COMPANY }, 'g1', ['a', 'b'], ['b', 'c']);
    assert.deepEqual(
      { toAdd: plan.toAdd, toRemove: plan.toRemove, unchanged: plan.unchanged, callCount: plan.callCount },
      { toAdd: ['c'], toRemove: ['a'], unchanged: 1, callCount: 1 },
    );
    assert.equal(plan.steps[0].action, 'addAndRemove');
  });

  test('planChanges: B2Core has no membership API', () => {
    assert.throws(() => planChanges({ provider: 'b2core' }, '1', ['u'], []), { kind: 'unsupported', provider: 'b2core' });
  });

  test('Flow.planStep runs one step', async () => {
    const plan = planChanges({ provider: 'ssw', tenantId: SSW_ORG }, 'grp_002', [], ['user_123']);
    const done = await run(Flow.planStep(plan.steps[0], ssw()));
    assert.equal(done.ok, true);
  });
});

describe('retryDecision', () => {
  test('429 waits what Retry-After says, even for unsafe operations', () => {
    const response = { status: 429, headers: [['Retry-After', '3']] };
    assert.deepEqual(retryDecision({ retrySafe: false, attempt: 1, response }), { decision: 'retry', afterMs: 3000 });
  });
  test('a 500 is retried only when safe', () => {
    assert.equal(retryDecision({ retrySafe: true, attempt: 1, response: { status: 500 }, seed: 1 }).decision, 'retry');
    assert.deepEqual(retryDecision({ retrySafe: false, attempt: 1, response: { status: 500 } }), { decision: 'stop' });
  });
  test('a request that never left is retried; attempts are capped', () => {
    assert.equal(retryDecision({ retrySafe: false, attempt: 1, sent: false }).decision, 'retry');
    assert.deepEqual(retryDecision({ retrySafe: true, attempt: 2, sent: false, policy: { maxAttempts: 2 } }), {
      decision: 'stop',
    });
  });
});

test('capabilities of every provider', () => {
  for (const provider of ['ssw', 'spotnana', 'b2core', 'polaris', 'alteryx']) {
    const caps = capabilities(provider);
    assert.equal(caps.provider, provider);
    assert.equal(typeof caps.listGroups.note, 'string');
  }
});
