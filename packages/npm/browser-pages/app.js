// The browser test's workflow (kept out of test/, where node --test would
// run it as a test), loaded unbundled through an import map (index.html) and
// bundled by esbuild with top-level await forbidden (bundle.html).
import { RosterKit, isRosterKitError } from 'rosterkit';
import { capabilities, ready } from 'rosterkit/sansio';

// One workflow against the emulator through the same-origin proxy:
// list groups, add a member, list members, remove it again.
window.runWorkflow = async (token) => {
  const client = RosterKit.ssw({ baseUrl: `${location.origin}/api/ssw`, token, tenantId: 'org_demo' });
  const groups = await client.listGroups();
  const group = groups.find((g) => g.name === 'IT Admins');
  const before = (await client.listMembers(group.id)).map((m) => m.userId);
  const users = [];
  for await (const user of client.users()) users.push(user.id);
  const newcomer = users.find((u) => !before.includes(u));
  const added = await client.addMembers(group.id, [newcomer]);
  const during = (await client.listMembers(group.id)).map((m) => m.userId);
  const removed = await client.removeMembers(group.id, [newcomer]);
  const after = (await client.listMembers(group.id)).map((m) => m.userId);
  let badInput;
  try {
    await client.listMembers(42);
  } catch (e) {
    badInput = { isRosterKitError: isRosterKitError(e), kind: e.kind, field: e.field, name: e.name };
  }
  return {
    groupCount: groups.length,
    group: group.id,
    newcomer,
    addedOk: added.ok,
    memberDuring: during.includes(newcomer),
    removedOk: removed.ok,
    memberAfter: after.includes(newcomer),
    badInput,
    clientText: String(client),
    sansioPaging: (await ready, capabilities('ssw').paging),
  };
};
