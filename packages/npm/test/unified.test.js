// Every unified operation against the emulator over real HTTP, for all five
// vendors: what the vendor can do works; what it cannot fails with
// `unsupported` naming the provider, before any request is sent.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RosterKit, isUnsupported } from 'rosterkit';
import { capabilities } from 'rosterkit/sansio';
import { dropNulls } from './support/canonical.js';
import { PROVIDERS, clearLog, requestLog, useEmulator, vendorOptions } from './support/emulator.js';

const emulator = useEmulator();
const client = (provider) => new RosterKit(vendorOptions(emulator.url, provider));

// Each method, how to call it with harmless arguments, and its capability.
const OPERATIONS = {
  listUsers: ['listUsers', (c) => c.listUsers()],
  listGroups: ['listGroups', (c) => c.listGroups()],
  getGroup: ['getGroup', (c) => c.getGroup('g1')],
  createGroup: ['createGroup', (c) => c.createGroup({ name: 'Nope' })],
  updateGroup: ['updateGroup', (c) => c.updateGroup('g1', { name: 'Nope' })],
  deleteGroup: ['deleteGroup', (c) => c.deleteGroup('g1')],
  listMembers: ['listMembers', (c) => c.listMembers('g1')],
  addMembers: ['addMembers', (c) => c.addMembers('g1', ['u1'])],
  removeMembers: ['removeMembers', (c) => c.removeMembers('g1', ['u1'])],
  approveMember: ['approvals', (c) => c.approveMember('g1', 'u1')],
  rejectMember: ['approvals', (c) => c.rejectMember('g1', 'u1')],
};

describe('unsupported operations fail before any request', () => {
  for (const provider of PROVIDERS) {
    const caps = capabilities(provider);
    for (const [method, [capability, run]] of Object.entries(OPERATIONS)) {
      if (caps[capability].supported) continue;
      test(`${provider}.${method}`, async () => {
        await clearLog(emulator.url);
        await assert.rejects(run(client(provider)), (e) => {
          assert.ok(isUnsupported(e), `${e}`);
          assert.equal(e.provider, provider);
          assert.equal(e.reason, caps[capability].note);
          assert.match(e.message, new RegExp(`unsupported: ${provider} cannot`));
          return true;
        });
        assert.deepEqual(await requestLog(emulator.url), []);
      });
    }
  }
});

test('capabilities() of each client is its provider row', () => {
  for (const provider of PROVIDERS) {
    assert.deepEqual(client(provider).capabilities(), capabilities(provider));
  }
  const spotnana = capabilities('spotnana');
  // The core's UNLIMITED (u32::MAX), the same number in every language.
  assert.equal(spotnana.addBatchSize, 4294967295, 'one PATCH carries any number of users');
  assert.equal(capabilities('ssw').addBatchSize, 1);
  assert.equal(capabilities('polaris').paging, 'unpaged');
});

/** Users that are in `other` but not in `group`, to add. */
async function outsiders(c, groupId, count) {
  const inGroup = new Set((await c.listMembers(groupId)).map((m) => m.userId));
  const pool = c.capabilities().listUsers.supported
    ? (await c.listUsers()).map((u) => u.id)
    : (await Promise.all((await c.listGroups()).slice(0, 6).map((g) => c.listMembers(g.id))))
        .flat()
        .map((m) => m.userId);
  const picked = [...new Set(pool)].filter((u) => !inGroup.has(u)).slice(0, count);
  assert.equal(picked.length, count, 'enough users outside the group');
  return picked;
}

async function membershipRoundTrip(c, groupId) {
  const users = await outsiders(c, groupId, 2);
  const added = await c.addMembers(groupId, users);
  assert.equal(added.ok, true, JSON.stringify(added));
  assert.equal(added.failed, 0);
  assert.ok(added.steps.length >= 1);
  let members = (await c.listMembers(groupId)).map((m) => m.userId);
  for (const u of users) assert.ok(members.includes(u), `${u} added`);
  const removed = await c.removeMembers(groupId, users);
  assert.equal(removed.ok, true, JSON.stringify(removed));
  members = (await c.listMembers(groupId)).map((m) => m.userId);
  for (const u of users) assert.ok(!members.includes(u), `${u} removed`);
}

describe('ssw', () => {
  const c = () => client('ssw');
  test('listUsers pages through every member of the organization', async () => {
    const users = await c().listUsers();
    assert.ok(users.length > 300, `${users.length} users`);
    assert.deepEqual(dropNulls(users[0]), { id: 'user_123', email: 'user@example.com', status: 'active' });
    assert.equal(new Set(users.map((u) => u.id)).size, users.length, 'no page twice');
  });
  test('listGroups, listMembers', async () => {
    const groups = await c().listGroups();
    const admins = groups.find((g) => g.id === 'grp_001');
    assert.deepEqual(dropNulls(admins), { id: 'grp_001', name: 'IT Admins', readOnly: false, permissions: [] });
    const members = await c().listMembers('grp_001');
    assert.ok(members.some((m) => m.userId === 'user_123' && m.email === 'user@example.com'));
  });
  test('updateGroup renames, deleteGroup deletes', async () => {
    const groups = await c().listGroups();
    const last = groups[groups.length - 1];
    assert.equal(await c().updateGroup(last.id, { name: 'Renamed by JS' }), null);
    assert.equal((await c().listGroups()).find((g) => g.id === last.id).name, 'Renamed by JS');
    await c().deleteGroup(last.id);
    assert.ok(!(await c().listGroups()).some((g) => g.id === last.id));
  });
  test('addMembers and removeMembers', async () => {
    await membershipRoundTrip(c(), 'grp_001');
  });
});

describe('spotnana', () => {
  const c = () => client('spotnana');
  test('listGroups, getGroup, listMembers, add and remove', async () => {
    const groups = await c().listGroups();
    assert.ok(groups.length > 0);
    const group = await c().getGroup(groups[0].id);
    assert.equal(group.id, groups[0].id);
    assert.equal(typeof group.readOnly, 'boolean');
    const members = await c().listMembers(group.id);
    assert.ok(members.every((m) => typeof m.userId === 'string'));
    await membershipRoundTrip(c(), group.id);
  });
  test('createGroup, updateGroup', async () => {
    const created = await c().createGroup({ name: 'JS Travel Desk' });
    assert.equal(created.name, 'JS Travel Desk');
    const updated = await c().updateGroup(created.id, { name: 'JS Travel Desk 2' });
    assert.equal(updated?.name ?? (await c().getGroup(created.id)).name, 'JS Travel Desk 2');
    assert.equal((await c().getGroup(created.id)).name, 'JS Travel Desk 2');
  });
});

describe('b2core', () => {
  const c = () => client('b2core');
  test('listGroups, getGroup', async () => {
    const groups = await c().listGroups();
    assert.ok(groups.length > 20);
    const admins = await c().getGroup('1');
    assert.equal(admins.name, 'Administrators');
    assert.deepEqual(admins.permissions, [{ name: 'accounts.create', resources: [] }, { name: 'accounts.read', resources: [] }]);
  });
  test('createGroup, updateGroup, deleteGroup', async () => {
    const created = await c().createGroup({ name: 'JS Desk', permissions: [{ name: 'accounts.read' }] });
    assert.equal(created.name, 'JS Desk');
    assert.deepEqual(created.permissions, [{ name: 'accounts.read', resources: [] }]);
    const updated = await c().updateGroup(created.id, { name: 'JS Desk 2' });
    assert.equal(updated?.name ?? (await c().getGroup(created.id)).name, 'JS Desk 2');
    await c().deleteGroup(created.id);
    await assert.rejects(c().getGroup(created.id), { name: 'RosterKitError', kind: 'not_found', status: 404 });
  });
});

describe('polaris', () => {
  const c = () => client('polaris');
  test('listUsers, listGroups, getGroup, listMembers', async () => {
    const users = await c().listUsers();
    assert.ok(users.some((u) => u.id === 'd88d4e47-d6ed-4820-880e-c0564ce99752'));
    const groups = await c().listGroups();
    const viewer = groups.find((g) => g.id === 'd919f276-7857-4b59-a616-0c2540fb4ad1');
    assert.ok(viewer, 'the documented Viewer group');
    const group = await c().getGroup(viewer.id);
    assert.equal(group.readOnly, true, 'predefined groups cannot change');
    assert.ok(Array.isArray(await c().listMembers(viewer.id)));
  });
  test('createGroup, updateGroup keeps what is left out, deleteGroup', async () => {
    const existing = (await c().listGroups()).find((g) => (g.permissions ?? []).length > 0);
    const permissions = existing.permissions.slice(0, 1);
    const created = await c().createGroup({ name: 'JS Analysts', permissions });
    assert.equal(created.name, 'JS Analysts');
    assert.deepEqual(created.permissions, permissions);
    const renamed = await c().updateGroup(created.id, { name: 'JS Analysts 2' });
    assert.equal(renamed.name, 'JS Analysts 2');
    assert.deepEqual(renamed.permissions, permissions, 'a rename keeps the permissions');
    await membershipRoundTrip(c(), created.id);
    await c().deleteGroup(created.id);
    await assert.rejects(c().getGroup(created.id), { kind: 'not_found' });
  });
});

describe('alteryx', () => {
  const c = () => client('alteryx');
  test('listGroups, getGroup, listMembers', async () => {
    const groups = await c().listGroups();
    assert.ok(groups.some((g) => g.id === '61d58ac83c15317e1a482069'));
    const group = await c().getGroup('61d58ac83c15317e1a482069');
    assert.equal(group.role, 'Artisan');
    const members = await c().listMembers(group.id);
    assert.ok(members.some((m) => m.userId === '61d564361d6d5da7ad461a32'));
  });
  test('createGroup, updateGroup, members, force deleteGroup', async () => {
    const created = await c().createGroup({ name: 'JS Curators', role: 'Viewer' });
    assert.equal(created.role, 'Viewer');
    const updated = await c().updateGroup(created.id, { role: 'Artisan' });
    assert.equal(updated.name, 'JS Curators', 'the name is read back before the PUT');
    assert.equal(updated.role, 'Artisan');
    await membershipRoundTrip(c(), created.id);
    const [user] = await outsiders(c(), created.id, 1);
    await c().addMembers(created.id, [user]);
    await c().deleteGroup(created.id, { force: true });
    await assert.rejects(c().getGroup(created.id), { kind: 'not_found' });
  });
});
