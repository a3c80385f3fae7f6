// Membership against the emulator: the dry-run plan, applying it with a
// concurrency limit, failures reported per step, and SSW's approval flow.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RosterKit, isRosterKitError } from 'rosterkit';
import { requestLog, clearLog, useEmulator, vendorOptions } from './support/emulator.js';

const emulator = useEmulator();
const client = (provider) => new RosterKit(vendorOptions(emulator.url, provider));
const ids = async (c, groupId) => (await c.listMembers(groupId)).map((m) => m.userId).sort();

describe('plan is a dry run, apply makes it so', () => {
  test('polaris: batched adds, read-modify-write removal', async () => {
    const c = client('polaris');
    const group = await c.createGroup({ name: 'JS Plan Polaris' });
    const users = (await c.listUsers()).map((u) => u.id);
    await c.addMembers(group.id, users.slice(0, 3));
    const desired = [users[1], users[2], users[3], users[4]];

    await clearLog(emulator.url);
    const plan = await c.plan(group.id, desired);
    assert.ok((await requestLog(emulator.url)).every((r) => r.method === 'GET'), 'plan changes nothing');
    assert.equal(plan.provider, 'polaris');
    assert.equal(plan.groupId, group.id);
    assert.deepEqual(plan.toAdd, [users[3], users[4]].sort());
    assert.deepEqual(plan.toRemove, [users[0]]);
    assert.equal(plan.unchanged, 2);
    assert.deepEqual(plan.steps.map((s) => [s.action, s.kind.type, s.callCount]), [
      ['add', 'call', 1],
      ['remove', 'replaceUserGroups', 2],
    ]);
    assert.equal(plan.callCount, 3);
    assert.deepEqual(await ids(c, group.id), users.slice(0, 3).sort());

    const report = await c.apply(plan, { concurrency: 2 });
    assert.equal(report.ok, true, JSON.stringify(report));
    assert.equal(report.succeeded, 2);
    assert.deepEqual(report.steps.map((s) => s.step), plan.steps, 'outcomes in plan order');
    assert.deepEqual(await ids(c, group.id), [...desired].sort());
    await c.deleteGroup(group.id);
  });

  test('ssw: one call per user, run concurrently', async () => {
    const c = client('ssw');
    const current = await ids(c, 'grp_001');
    const outside = (await c.listUsers()).map((u) => u.id).filter((u) => !current.includes(u));
    const desired = [...current.slice(2), ...outside.slice(0, 3)];
    const plan = await c.plan('grp_001', desired);
    assert.equal(plan.steps.length, 5);
    assert.equal(plan.callCount, 5);
    const report = await c.apply(plan, { concurrency: 3 });
    assert.equal(report.ok, true, JSON.stringify(report));
    assert.deepEqual(await ids(c, 'grp_001'), [...desired].sort());
  });

  test('spotnana: one PATCH adds and removes', async () => {
    const c = client('spotnana');
    const [g1, g2] = await c.listGroups();
    const current = await ids(c, g1.id);
    const others = (await ids(c, g2.id)).filter((u) => !current.includes(u));
    const desired = [...current.slice(1), others[0]];
    const plan = await c.plan(g1.id, desired);
    assert.equal(plan.steps.length, 1);
    assert.equal(plan.steps[0].action, 'addAndRemove');
    assert.equal(plan.steps[0].kind.operation.endpoint, 'spotnana.update_user_group_members');
    assert.equal((await c.apply(plan)).ok, true);
    assert.deepEqual(await ids(c, g1.id), [...desired].sort());
  });

  test('an empty plan applies nothing', async () => {
    const c = client('alteryx');
    const current = await ids(c, '61d58ac83c15317e1a482069');
    const plan = await c.plan('61d58ac83c15317e1a482069', current);
    assert.deepEqual([plan.steps, plan.toAdd, plan.toRemove, plan.unchanged], [[], [], [], current.length]);
    assert.deepEqual(await c.apply(plan), { steps: [], succeeded: 0, failed: 0, ok: true });
  });

  test('a failed step is reported and the others still run', async () => {
    const c = client('ssw');
    const current = await ids(c, 'grp_005');
    const outside = (await c.listUsers()).map((u) => u.id).find((u) => !current.includes(u));
    const report = await c.addMembers('grp_005', ['user_does_not_exist', outside], { concurrency: 1 });
    assert.equal(report.ok, false);
    assert.equal(report.failed, 1);
    assert.equal(report.succeeded, 1);
    const failed = report.steps.find((s) => !s.ok);
    assert.deepEqual(failed.step.add, ['user_does_not_exist']);
    assert.ok(isRosterKitError(failed.error));
    assert.equal(failed.error.operation, 'addMembers');
    assert.ok((await ids(c, 'grp_005')).includes(outside));
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
    await assert.rejects(c.approveMember(group, user), (e) => isRosterKitError(e) && e.operation === 'approveMember');
  });
});
