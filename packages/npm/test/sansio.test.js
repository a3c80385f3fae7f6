// The sans-IO layer driven by hand: whole core flows (calls, every page,
// unified operations, a plan and its apply) with this file doing its own
// HTTP against the emulator, and scripted responses for what a real server
// rarely does (repeating a page).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sansio as fromRoot } from 'rosterkit';
import { Flow, buildRequest, capabilities, endpointIds, parseResponse } from 'rosterkit/sansio';
import { useEmulator, SSW_ORG, SPOTNANA_COMPANY } from './support/emulator.js';

const emulator = useEmulator();
const ssw = () => ({ baseUrl: `${emulator.url}/ssw`, token: 'ssw-demo-token', tenantId: SSW_ORG });
const b2core = () => ({ baseUrl: `${emulator.url}/b2core`, token: 'b2core-demo-token' });

async function send(request) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? undefined });
  return { status: response.status, headers: [...response.headers], body: new Uint8Array(await response.arrayBuffer()) };
}

/** The host loop of the design, by hand (no sleeps expected here). */
async function run(flow, answer = send) {
  let step = flow.start();
  let elapsed = 0;
  while (step.step !== 'done') {
    assert.equal(step.step, 'send');
    step = flow.onResponse(await answer(step.request), ++elapsed);
  }
  flow.free();
  return step;
}

test('the named export and the subpath are the same module', () => {
  assert.equal(fromRoot.buildRequest, buildRequest);
  assert.ok(endpointIds().includes('ssw.list_groups'));
});

test('buildRequest then parseResponse over real HTTP', async () => {
  const input = { organization_id: SSW_ORG, page: 1, page_size: 3 };
  const request = buildRequest('ssw.list_groups', input, ssw());
  assert.equal(request.url, `${emulator.url}/ssw/iam/v1/organization/org_demo/groups?page=1&page_size=3`);
  assert.ok(request.headers.some(([name, value]) => name === 'Authorization' && value === 'Bearer ssw-demo-token'));
  const output = parseResponse('ssw.list_groups', input, await send(request));
  assert.equal(output.groups.length, 3);
  assert.equal(output.groups[0].group_id, 'grp_001', 'endpoint outputs keep the vendor field names');
});

test('Flow.unified takes and gives camelCase, as JavaScript does', async () => {
  const step = await run(Flow.unified('b2core', { op: 'getGroup', groupId: '1' }, b2core()));
  assert.equal(step.step, 'done');
  assert.equal(step.ok.id, '1');
  assert.equal(step.ok.name, 'Administrators');
  assert.equal(step.ok.readOnly, false);
  const members = await run(Flow.unified('ssw', { op: 'listMembers', groupId: 'grp_001' }, ssw()));
  assert.ok(members.ok.some((m) => m.userId === 'user_123'));
});

test('Flow.unified reports a vendor error as a RosterKitError', async () => {
  const step = await run(Flow.unified('b2core', { op: 'getGroup', groupId: '999999' }, b2core()));
  assert.equal(step.error.name, 'RosterKitError');
  assert.equal(step.error.kind, 'not_found');
  assert.equal(step.error.status, 404);
});

test('Flow.unified refuses what the vendor cannot do, before any step', () => {
  assert.throws(() => Flow.unified('b2core', { op: 'listMembers', groupId: '1' }, b2core()), {
    kind: 'unsupported',
    provider: 'b2core',
    operation: 'list_members',
  });
});

test('Flow.pages walks every page; Flow.call one', async () => {
  const input = { organization_id: SSW_ORG, page_size: 9 };
  const all = await run(Flow.pages('ssw.list_groups', input, ssw()));
  const first = await run(Flow.call('ssw.list_groups', { ...input, page: 1 }, ssw()));
  assert.ok(all.ok.length > first.ok.groups.length);
  assert.deepEqual(all.ok.slice(0, first.ok.groups.length), first.ok.groups);
});

test('a server that repeats a page is stopped with a decode error', async () => {
  const page = { code: 0, data: { groups: [{ group_id: 'g1', name: 'One' }], total: 5 } };
  const same = () => ({ status: 200, headers: [['content-type', 'application/json']], body: JSON.stringify(page) });
  const step = await run(Flow.pages('ssw.list_groups', { organization_id: 'o', page_size: 1 }, ssw()), same);
  assert.equal(step.error.kind, 'decode');
  assert.match(step.error.message, /same page|repeat/i);
});

test('plan and apply as flows: Spotnana moves everyone in one PATCH', async () => {
  const target = { baseUrl: `${emulator.url}/spotnana`, token: 'spotnana-demo-token', tenantId: SPOTNANA_COMPANY };
  const groups = (await run(Flow.unified('spotnana', { op: 'listGroups' }, target))).ok;
  const [a, b] = groups;
  const inA = (await run(Flow.unified('spotnana', { op: 'listMembers', groupId: a.id }, target))).ok.map((m) => m.userId);
  const inB = (await run(Flow.unified('spotnana', { op: 'listMembers', groupId: b.id }, target))).ok.map((m) => m.userId);
  const newcomer = inB.find((u) => !inA.includes(u));
  const desired = [...inA.slice(1), newcomer];
  const op = { op: 'planSync', groupId: a.id, desired, options: { mode: 'authoritative' } };
  const plan = (await run(Flow.unified('spotnana', op, target))).ok;
  assert.deepEqual([plan.toAdd, plan.toRemove], [[newcomer], [inA[0]]]);
  assert.equal(plan.steps.length, 1);
  assert.equal(plan.steps[0].action, 'add_and_remove');
  assert.equal(plan.steps[0].kind.operation.endpoint, 'spotnana.update_user_group_members');
  const report = (await run(Flow.unified('spotnana', { op: 'apply', plan }, target))).ok;
  assert.equal(report.ok, true, JSON.stringify(report));
  assert.deepEqual([report.added, report.removed], [1, 1]);
});

test('capabilities of every provider', () => {
  for (const provider of ['ssw', 'spotnana', 'b2core', 'polaris', 'alteryx']) {
    const caps = capabilities(provider);
    assert.equal(caps.provider, provider);
    assert.equal(typeof caps.listGroups.note, 'string');
  }
});
