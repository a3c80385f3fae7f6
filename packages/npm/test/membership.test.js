// Membership against the emulator over real HTTP: the dry-run plan, the
// guards, emails as desired entries, one outcome per user, partial failures
// and SSW's approval flow. Planning and applying are the core's; this only
// checks that JavaScript gets them whole.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RosterKit, isRefused } from 'rosterkit';
import { addFault, clearFaults, clearLog, requestLog, useEmulator, vendorOptions } from './support/emulator.js';

const emulator = useEmulator();
const client = (provider) => new RosterKit(vendorOptions(emulator.url, provider));
const ids = async (c, groupId) => (await c.listMembers(groupId)).map((m) => m.userId).sort();
const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const changes = async () => (await requestLog(emulator.url)).filter((r) => CHANGES.has(r.method));

describe('plan is a dry run, apply makes it so', () => {
  test('polaris: batched adds, read-modify-write removal, one outcome per user', async () => {
    const c = client('polaris');
    const group = await c.createGroup({ name: 'JS Plan Polaris' });
    const users = (await c.listUsers()).map((u) => u.id);
    await c.addMembers(group.id, users.slice(0, 3));
    const desired = [users[1], users[2], users[3], users[4]];

    await clearLog(emulator.url);
    const plan = await c.plan(group.id, desired, { mode: 'authoritative' });
    assert.deepEqual(await changes(), [], 'a plan changes nothing');
    assert.equal(plan.provider, 'polaris');
    assert.equal(plan.groupId, group.id);
    assert.equal(plan.mode, 'authoritative');
    assert.deepEqual(plan.toAdd, [users[3], users[4]].sort());
    assert.deepEqual(plan.toRemove, [users[0]]);
    assert.deepEqual(plan.steps.map((s) => [s.action, s.kind.type]), [
      ['add', 'call'],
      ['remove', 'replace_user_groups'],
    ]);

    const report = await c.apply(plan, { concurrency: 2 });
    assert.equal(report.ok, true, JSON.stringify(report));
    assert.deepEqual([report.added, report.removed, report.unchanged, report.failed], [2, 1, 2, 0]);
    const byUser = Object.fromEntries(report.outcomes.map((o) => [o.userId, o.status]));
    assert.deepEqual(byUser, {
      [users[0]]: 'removed',
      [users[1]]: 'already_member',
      [users[2]]: 'already_member',
      [users[3]]: 'added',
      [users[4]]: 'added',
    });
    assert.deepEqual(await ids(c, group.id), [...desired].sort());
    await c.deleteGroup(group.id);
  });

  test('additive mode never removes', async () => {
    const c = client('ssw');
    const current = await ids(c, 'grp_005');
    const outside = (await c.listUsers()).map((u) => u.id).find((u) => !current.includes(u));
    const plan = await c.plan('grp_005', [outside], { mode: 'additive' });
    assert.deepEqual([plan.toAdd, plan.toRemove], [[outside], []]);
    const report = await c.apply(plan);
    assert.equal(report.added, 1);
    assert.deepEqual(await ids(c, 'grp_005'), [...current, outside].sort());
  });

  test('an empty plan applies nothing', async () => {
    const c = client('alteryx');
    const current = await ids(c, '61d58ac83c15317e1a482069');
    const plan = await c.plan('61d58ac83c15317e1a482069', current, { mode: 'authoritative' });
    assert.deepEqual([plan.steps, plan.toAdd, plan.toRemove], [[], [], []]);
    const report = await c.apply(plan);
    assert.deepEqual([report.ok, report.steps, report.unchanged], [true, [], current.length]);
  });

  test('mode is required', async () => {
    await assert.rejects(client('ssw').plan('grp_001', ['user_1001'], {}), (e) => e.kind === 'invalid_input' && e.field === 'mode');
  });
});

describe('guards and emails (issue 11)', () => {
  test('a sync from the members\u2019 own emails changes nothing (SSW and Polaris)', async () => {
    for (const provider of ['ssw', 'polaris']) {
      const c = client(provider);
      const group = provider === 'ssw' ? 'grp_003' : (await c.listGroups()).find((g) => !g.readOnly && true).id;
      const members = await c.listMembers(group);
      const users = new Map((await c.listUsers()).map((u) => [u.id, u]));
      const emails = members.map((m) => m.email ?? users.get(m.userId)?.email).filter(Boolean);
      assert.equal(emails.length, members.length, `${provider}: every member has an email`);
      await clearLog(emulator.url);
      const report = await c.sync(group, emails, { mode: 'authoritative' });
      assert.deepEqual(await changes(), [], `${provider}: no change was sent`);
      assert.equal(report.unchanged, members.length);
      assert.deepEqual([report.added, report.removed, report.failed], [0, 0, 0]);
    }
  });

  test('an empty desired set and a set that matches nobody are refused before any change', async () => {
    const c = client('ssw');
    const current = await ids(c, 'grp_001');
    const outside = (await c.listUsers()).map((u) => u.id).find((u) => !current.includes(u));
    await clearLog(emulator.url);
    await assert.rejects(c.sync('grp_001', [], { mode: 'authoritative' }), (e) => isRefused(e) && e.guard === 'empty_desired');
    await assert.rejects(c.sync('grp_001', [outside], { mode: 'authoritative' }), (e) => isRefused(e) && e.guard === 'no_overlap');
    assert.deepEqual(await changes(), []);
  });

  test('an unknown id fails the plan, or is reported and skipped when asked', async () => {
    const c = client('ssw');
    const current = await ids(c, 'grp_005');
    const outside = (await c.listUsers()).map((u) => u.id).find((u) => !current.includes(u));
    await clearLog(emulator.url);
    await assert.rejects(
      c.sync('grp_005', [...current, 'nobody@example.com'], { mode: 'additive' }),
      (e) => isRefused(e) && e.guard === 'unresolved',
    );
    assert.deepEqual(await changes(), []);
    const report = await c.sync('grp_005', [...current, outside, 'nobody@example.com'], { mode: 'additive', skipUnresolved: true });
    assert.equal(report.added, 1);
    assert.equal(report.unresolved, 1);
    assert.ok(report.outcomes.some((o) => o.status === 'unresolved' && o.entry === 'nobody@example.com'));
  });

  test('a user a 200 failed is reported failed with its reason (Alteryx failedUserReasons)', async () => {
    const c = client('alteryx');
    const group = '61d58ac83c15317e1a482069';
    const current = await ids(c, group);
    const outside = (await c.listUsers().catch(() => [])).map((u) => u.id);
    const real = outside.find((u) => !current.includes(u));
    const report = await c.addMembers(group, real === undefined ? ['no-such-user'] : [real, 'no-such-user']);
    const failed = report.outcomes.find((o) => o.userId === 'no-such-user');
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error.kind, 'api');
    assert.equal(report.ok, false);
  });
});

describe('an aborted apply tells the truth', () => {
  test('the rejection carries the report, and it matches the request log', async () => {
    const c = client('ssw');
    const current = await ids(c, 'grp_001');
    const keep = current.slice(5);
    const plan = await c.plan('grp_001', keep, { mode: 'authoritative', allowMassRemoval: true });
    assert.equal(plan.toRemove.length, 5);
    await addFault(emulator.url, { provider: 'ssw', method: 'DELETE', kind: { type: 'latency', millis: 300 } });
    await clearLog(emulator.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 750);
    const error = await c.apply(plan, { concurrency: 1, signal: controller.signal }).then(
      () => assert.fail('the apply should have been aborted'),
      (e) => e,
    );
    await clearFaults(emulator.url);
    assert.equal(error.name, 'AbortError');
    const { report } = error;
    assert.equal(report.cancelled, true);
    assert.equal(report.ok, false);
    await new Promise((r) => setTimeout(r, 500));
    const deleted = (await requestLog(emulator.url)).filter((r) => r.method === 'DELETE').map((r) => r.path.split('/').pop());
    const status = Object.fromEntries(report.outcomes.map((o) => [o.userId, o.status]));
    assert.ok(deleted.length >= 1 && deleted.length < 5, `${deleted.length} deletes`);
    for (const user of deleted) assert.ok(['removed', 'unknown'].includes(status[user]), `${user}: ${status[user]}`);
    for (const user of plan.toRemove.filter((u) => !deleted.includes(u))) {
      assert.ok(['not_run', 'unknown'].includes(status[user]), `${user}: ${status[user]}`);
    }
  });
});

describe('ssw approval flow', () => {
  const contractors = async (c) => (await c.listGroups()).find((g) => g.name === 'Contractors').id;

  test('adding to an approval group waits for approval; approve makes a member', async () => {
    const c = client('ssw');
    const group = await contractors(c);
    const current = await ids(c, group);
    const [user] = (await c.listUsers()).map((u) => u.id).filter((u) => !current.includes(u));
    const report = await c.addMembers(group, [user]);
    assert.equal(report.ok, true);
    assert.equal(report.outcomes[0].status, 'pending_approval');
    assert.ok(!(await ids(c, group)).includes(user), 'pending, not yet a member');
    await c.approveMember(group, user);
    assert.ok((await ids(c, group)).includes(user));
  });

  test('reject turns the request down', async () => {
    const c = client('ssw');
    const group = await contractors(c);
    const current = await ids(c, group);
    const user = (await c.listUsers()).map((u) => u.id).filter((u) => !current.includes(u))[5];
    await c.addMembers(group, [user]);
    await c.rejectMember(group, user);
    assert.ok(!(await ids(c, group)).includes(user));
    await assert.rejects(c.approveMember(group, user), (e) => e.operation === 'approveMember');
  });
});
