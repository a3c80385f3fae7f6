// Paging through async iterators against the emulator.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RosterKit } from 'rosterkit';
import { clearLog, requestLog, useEmulator, vendorOptions, SPOTNANA_COMPANY, SSW_ORG } from './support/emulator.js';

const emulator = useEmulator();
const client = (provider) => new RosterKit(vendorOptions(emulator.url, provider));

async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

test('groups(), users() and members() yield every unified model', async () => {
  const c = client('ssw');
  assert.deepEqual(await collect(c.groups()), await c.listGroups());
  const users = await collect(c.users());
  assert.ok(users.length > 300);
  assert.deepEqual(users, await c.listUsers());
  const allStaff = (await c.listGroups()).find((g) => g.name === 'All Staff');
  const members = await collect(c.members(allStaff.id));
  assert.ok(members.length > 250, `${members.length} members over several pages`);
  assert.equal(new Set(members.map((m) => m.userId)).size, members.length);
});

test('the unified iterators fetch a page only when the loop needs it', async () => {
  const c = client('ssw');
  const allStaff = (await c.listGroups()).find((g) => g.name === 'All Staff');
  await clearLog(emulator.url);
  let seen = 0;
  for await (const member of c.members(allStaff.id)) {
    assert.equal(typeof member.userId, 'string');
    if (++seen === 150) break;
  }
  const log = await requestLog(emulator.url);
  assert.deepEqual(log.map((r) => r.query), [`group_id=${allStaff.id}&page=1&page_size=100`, `group_id=${allStaff.id}&page=2&page_size=100`], 'two pages for 150 members');

  await clearLog(emulator.url);
  for await (const group of c.groups()) {
    assert.equal(group.id, 'grp_001');
    break;
  }
  assert.equal((await requestLog(emulator.url)).length, 1);
});

test('an iterator over what the vendor cannot list fails before any request', async () => {
  await clearLog(emulator.url);
  await assert.rejects(client('b2core').members('1').next(), { name: 'RosterKitError', kind: 'unsupported' });
  await assert.rejects(client('alteryx').users().next(), { kind: 'unsupported', provider: 'alteryx' });
  assert.deepEqual(await requestLog(emulator.url), []);
});

test('pages() walks an SSW list page by page with the core pager', async () => {
  const c = client('ssw');
  const total = (await c.listGroups()).length;
  await clearLog(emulator.url);
  const pages = await collect(c.pages('ssw.list_groups', { organization_id: SSW_ORG, page_size: 7 }));
  assert.equal(pages.length, Math.ceil(total / 7));
  assert.ok(pages.slice(0, -1).every((p) => p.length === 7));
  assert.equal(pages.flat().length, total);
  const queries = (await requestLog(emulator.url)).map((r) => r.query);
  assert.deepEqual(queries, pages.map((_, i) => `page=${i + 1}&page_size=7`));
});

test('pages() with offset paging (Spotnana) and bare arrays (B2Core)', async () => {
  const spotnana = client('spotnana');
  const spotPages = await collect(
    spotnana.pages('spotnana.list_user_groups', { companyId: SPOTNANA_COMPANY, pagination: { offset: 0, limit: 4 } }),
  );
  assert.ok(spotPages.length > 1);
  assert.equal(spotPages.flat().length, (await spotnana.listGroups()).length);

  const b2core = client('b2core');
  const b2Pages = await collect(b2core.pages('b2core.list_groups', { limit: 10 }));
  assert.ok(b2Pages.length >= 3);
  assert.deepEqual(
    b2Pages.flat().map((g) => String(g.id)),
    (await b2core.listGroups()).map((g) => g.id),
  );
});

test('breaking out of a loop stops fetching', async () => {
  const c = client('ssw');
  await clearLog(emulator.url);
  for await (const page of c.pages('ssw.list_members', { page_size: 10 })) {
    assert.equal(page.length, 10);
    break;
  }
  assert.equal((await requestLog(emulator.url)).length, 1);
});
