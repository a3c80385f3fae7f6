// Quick start: list, page, plan and apply against any of the five vendors.
// Run against the emulator (`rosterkit emulator --port 8080`) with
//   node examples/quickstart.js   (after `tsc`), or just type-check it.
import { RosterKit, isNotFound, isRateLimited, isRosterKitError, isUnsupported, sansio } from 'rosterkit';
import type { ApplyReport, Group, Member, MembershipPlan } from 'rosterkit';
import { buildRequest, parseResponse, type HttpRequest } from 'rosterkit/sansio';

const base = process.env['ROSTERKIT_URL'] ?? 'http://127.0.0.1:8080';

const polaris = RosterKit.polaris({ baseUrl: `${base}/polaris`, token: 'polaris-demo-api-key' });
const ssw = new RosterKit({
  provider: 'ssw',
  baseUrl: `${base}/ssw`,
  token: 'ssw-demo-token',
  tenantId: 'org_demo',
  retry: { maxAttempts: 3 },
});

export async function main(): Promise<void> {
  const groups: Group[] = await polaris.listGroups();
  console.log(`${groups.length} Polaris groups; capabilities:`, polaris.capabilities().removeMembers.note);

  // Paging: unified models through `for await`, or raw pages through the core pager.
  for await (const member of ssw.members('grp_001')) {
    const m: Member = member;
    console.log(m.userId, m.email ?? '');
  }
  for await (const page of ssw.pages('ssw.list_groups', { organization_id: 'org_demo', page_size: 10 })) {
    console.log(`a page of ${page.length} groups`);
  }

  // Membership: a dry-run plan, then apply it with a concurrency limit.
  const group = groups[0];
  if (group !== undefined) {
    const users = await polaris.listUsers();
    // `mode` is explicit: `additive` never removes anyone.
    const plan: MembershipPlan = await polaris.plan(group.id, users.slice(0, 3).map((u) => u.id), { mode: 'additive' });
    console.log(`+${plan.toAdd.length} -${plan.toRemove.length} in ${plan.callCount} calls`);
    const report: ApplyReport = await polaris.apply(plan, { concurrency: 2 });
    // One outcome per user: added, already a member, failed (with the typed error), ...
    for (const outcome of report.outcomes) {
      if (outcome.status === 'failed') console.error(outcome.userId, outcome.error?.kind);
    }
  }

  // Errors are typed, with guards; every call takes an AbortSignal.
  try {
    await ssw.getGroup('grp_001', { signal: AbortSignal.timeout(5000) });
  } catch (error) {
    if (isUnsupported(error)) console.log(`${error.provider} cannot ${error.operation}: ${error.reason}`);
    else if (isNotFound(error)) console.log('no such group');
    else if (isRateLimited(error)) console.log(`retry in ${error.retryAfterMs} ms`);
    else if (isRosterKitError(error)) console.log(error.kind, error.status, error.vendorCode);
    else throw error;
  }

  // Sans-IO: the exact request, your own HTTP, the typed result.
  const target = { baseUrl: `${base}/b2core`, token: 'b2core-demo-token' };
  const request: HttpRequest = buildRequest('b2core.get_group', { group_id: '1' }, target);
  const response = await fetch(request.url, { method: request.method, headers: request.headers });
  const output = parseResponse('b2core.get_group', { group_id: '1' }, {
    status: response.status,
    headers: [...response.headers],
    body: new Uint8Array(await response.arrayBuffer()),
  });
  console.log(output, sansio.capabilities('b2core').paging);
}

if (process.argv[1]?.endsWith('quickstart.js')) {
  await main();
}
