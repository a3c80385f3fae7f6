// Wrong argument types from plain JavaScript: always a RosterKitError of
// kind invalid_input naming the field, never a wasm trap; and no error
// message, stack, inspect or toString ever shows the token.
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, test } from 'node:test';
import { RosterKit, isInvalidInput, isAuthError, isRosterKitError } from 'rosterkit';
import * as sansio from 'rosterkit/sansio';
import { useEmulator, vendorOptions } from './support/emulator.js';

const emulator = useEmulator();
const TOKEN = 'tok-SECRET-9f3a7c';
const client = () => new RosterKit({ ...vendorOptions(emulator.url, 'ssw'), token: TOKEN });

function assertInvalid(error, field) {
  assert.ok(isRosterKitError(error), `not a RosterKitError: ${error}`);
  assert.ok(isInvalidInput(error), `${error.kind}: ${error.message}`);
  assert.equal(error.field, field, error.message);
  assert.equal(error.name, 'RosterKitError');
  assert.ok(error instanceof Error);
  assert.ok(error.message.includes(field));
  assert.ok(!error.message.includes(TOKEN) && !String(error.stack).includes(TOKEN));
  assert.ok(!inspect(error).includes(TOKEN));
  return true;
}

const rejectsWith = (promise, field) => assert.rejects(promise, (e) => assertInvalid(e, field));
const throwsWith = (run, field) => assert.throws(run, (e) => assertInvalid(e, field));

describe('client methods', () => {
  const cases = [
    ['listMembers(42)', (c) => c.listMembers(42), 'groupId'],
    ['getGroup(undefined)', (c) => c.getGroup(), 'groupId'],
    ['createGroup(null)', (c) => c.createGroup(null), 'group'],
    ['createGroup("x")', (c) => c.createGroup('x'), 'group'],
    ['createGroup({name: 5})', (c) => c.createGroup({ name: 5 }), 'name'],
    ['createGroup({})', (c) => c.createGroup({}), 'name'],
    ['createGroup({name, colour})', (c) => c.createGroup({ name: 'a', colour: 'red' }), 'colour'],
    ['createGroup bad permission', (c) => c.createGroup({ name: 'a', permissions: [{ name: 1 }] }), 'permissions[0].name'],
    ['updateGroup(id, "x")', (c) => c.updateGroup('grp_001', 'x'), 'changes'],
    ['updateGroup(id, {})', (c) => c.updateGroup('grp_001', {}), 'name'],
    ['deleteGroup(id, {force: "yes"})', (c) => c.deleteGroup('grp_001', { force: 'yes' }), 'force'],
    ['deleteGroup("..")', (c) => c.deleteGroup('..'), 'groupId'],
    ['addMembers(id, "u")', (c) => c.addMembers('grp_001', 'user_1'), 'userIds'],
    ['addMembers(id, [1])', (c) => c.addMembers('grp_001', [1]), 'userIds[0]'],
    ['addMembers(id, [])', (c) => c.addMembers('grp_001', []), 'userIds'],
    ['addMembers(id, ["a", " "])', (c) => c.addMembers('grp_001', ['a', ' ']), 'userIds[1]'],
    ['removeMembers(id, null)', (c) => c.removeMembers('grp_001', null), 'userIds'],
    ['addMembers concurrency 0', (c) => c.addMembers('grp_001', ['a'], { concurrency: 0 }), 'concurrency'],
    ['approveMember(id, {})', (c) => c.approveMember('grp_003', {}), 'userId'],
    ['plan(id, "x")', (c) => c.plan('grp_001', 'x'), 'desired'],
    ['apply(null)', (c) => c.apply(null), 'plan'],
    ['apply({steps: 3})', (c) => c.apply({ steps: 3 }), 'steps'],
    ['apply bad step', (c) => c.apply({ steps: [{ action: 'add', kind: { type: 'call' } }] }), 'steps[0].kind.operation'],
    ['call("x", {})', (c) => c.call('x', {}), 'endpointId'],
    ['call(42)', (c) => c.call(42), 'endpointId'],
    ['call(endpoint, "notanobject")', (c) => c.call('ssw.list_groups', 'notanobject'), 'input'],
    ['call(other provider)', (c) => c.call('polaris.list_users', {}), 'endpointId'],
    ['call(endpoint, bad field)', (c) => c.call('ssw.list_groups', { organization_id: 7 }), 'organization_id'],
    ['call(endpoint, symbol)', (c) => c.call('ssw.list_groups', { organization_id: 'o', page: Symbol('x') }), 'input'],
  ];
  for (const [name, run, field] of cases) {
    test(name, () => rejectsWith(Promise.resolve().then(() => run(client())), field));
  }
  test('pages(5)', () => rejectsWith(client().pages(5).next(), 'endpointId'));
});

describe('constructor', () => {
  // No request is made: any well-formed URL will do.
  const base = () => ({ ...vendorOptions('http://127.0.0.1:9', 'ssw'), token: TOKEN });
  const cases = [
    ['null options', null, 'options'],
    ['unknown provider', { ...base(), provider: 'nope' }, 'provider'],
    ['missing provider', { ...base(), provider: undefined }, 'provider'],
    ['baseUrl not http', { ...base(), baseUrl: 'ftp://x' }, 'baseUrl'],
    ['baseUrl a number', { ...base(), baseUrl: 8080 }, 'baseUrl'],
    ['token a number', { ...base(), token: 424242 }, 'token'],
    ['token empty', { ...base(), token: ' ' }, 'token'],
    ['token with CRLF', { ...base(), token: `${TOKEN}\r\nX-Evil: 1` }, 'token'],
    ['misspelt option', { ...base(), tenantID: 'org_demo' }, 'tenantID'],
    ['retry typo', { ...base(), retry: { maxAttemps: 2 } }, 'retry.maxAttemps'],
    ['fetch not a function', { ...base(), fetch: 'curl' }, 'fetch'],
    ['signal not a signal', { ...base(), signal: {} }, 'signal'],
    ['concurrency not a number', { ...base(), concurrency: '4' }, 'concurrency'],
  ];
  for (const [name, options, field] of cases) {
    test(name, () => throwsWith(() => new RosterKit(options), field));
  }
  test('a numeric token is not echoed', () => {
    assert.throws(() => new RosterKit({ ...base(), token: 424242 }), (e) => !e.message.includes('424242'));
  });
});

describe('sansio', () => {
  const target = { baseUrl: 'https://x.example', token: TOKEN };
  test('buildRequest(42)', () => throwsWith(() => sansio.buildRequest(42, {}, target), 'endpointId'));
  test('buildRequest target null', () => throwsWith(() => sansio.buildRequest('b2core.list_groups', {}, null), 'target'));
  test('buildRequest token missing', () =>
    throwsWith(() => sansio.buildRequest('b2core.list_groups', {}, { baseUrl: 'https://x' }), 'token'));
  test('buildRequest input path', () =>
    throwsWith(() => sansio.buildRequest('spotnana.list_user_groups', { companyId: 'c', pagination: { offset: 'a', limit: 1 } }, target), 'pagination.offset'));
  test('parseResponse status', () =>
    throwsWith(() => sansio.parseResponse('b2core.list_groups', {}, { status: 'ok' }), 'status'));
  test('parseResponse headers', () =>
    throwsWith(() => sansio.parseResponse('b2core.list_groups', {}, { status: 200, headers: [[1]] }), 'headers'));
  test('parseResponse body', () =>
    throwsWith(() => sansio.parseResponse('b2core.list_groups', {}, { status: 200, body: {} }), 'body'));
  test('capabilities("nope")', () => throwsWith(() => sansio.capabilities('nope'), 'provider'));
  test('Flow.call retry typo', () =>
    throwsWith(() => sansio.Flow.call('b2core.list_groups', {}, target, { maxAttemps: 2 }), 'retry.maxAttemps'));
  test('Flow.unified unknown op', () => throwsWith(() => sansio.Flow.unified('ssw', { op: 'explode' }, target), 'op'));
  test('Flow.unified unknown provider', () => throwsWith(() => sansio.Flow.unified('okta', { op: 'listGroups' }, target), 'provider'));
  test('Flow.unified missing argument', () =>
    throwsWith(() => sansio.Flow.unified('b2core', { op: 'getGroup' }, target), 'groupId'));
  test('Flow.unified extra argument', () =>
    throwsWith(() => sansio.Flow.unified('b2core', { op: 'listGroups', page: 2 }, target), 'page'));
  test('Flow.unified plan step kind', () =>
    // serde loses the path inside a tagged enum; the message still says what is wrong.
    assert.throws(
      () => sansio.Flow.unified('ssw', { op: 'apply', plan: { steps: [{ action: 'add', kind: { type: 'teleport' } }] } }, target),
      (e) => isInvalidInput(e) && e.message.includes('teleport'),
    ));
  test('flow.onResponse(elapsed "x")', () => {
    const flow = sansio.Flow.call('b2core.list_groups', {}, target);
    flow.start();
    throwsWith(() => flow.onResponse({ status: 200, body: '[]' }, 'x'), 'elapsedMs');
    throwsWith(() => flow.onTransportError('yes', 'boom', 1), 'sent');
    flow.free();
  });
});

describe('the token never shows', () => {
  test('inspect, toString, JSON and keys of a client', () => {
    const c = client();
    for (const view of [inspect(c), inspect(c, { showHidden: true, depth: 9 }), String(c), JSON.stringify(c), Object.keys(c).join()]) {
      assert.ok(!view.includes(TOKEN), view);
    }
    assert.match(inspect(c), /token: '\*\*\*'/);
    assert.deepEqual(JSON.parse(JSON.stringify(c)), { provider: 'ssw', baseUrl: `${emulator.url}/ssw`, tenantId: 'org_demo' });
  });

  test('a wrong token is an auth error that does not repeat it', async () => {
    await assert.rejects(client().listGroups(), (e) => {
      assert.ok(isAuthError(e), `${e}`);
      assert.equal(e.status, 401);
      for (const text of [e.message, e.stack, inspect(e), JSON.stringify(e.detail)]) assert.ok(!text.includes(TOKEN));
      return true;
    });
  });
});

test('a freed flow is reported, not a crash', () => {
  const flow = sansio.Flow.call('b2core.list_groups', {}, { baseUrl: 'https://x.example', token: 't' });
  flow.free();
  assert.throws(() => flow.start(), (e) => isRosterKitError(e) && e.kind === 'internal');
});
