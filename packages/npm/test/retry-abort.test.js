// Retries the core decides (Retry-After, retry safety) and AbortSignal,
// through fault injection in the emulator. No assertion depends on timing.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { RosterKit, isRateLimited, isTransportError, isApiError } from 'rosterkit';
import { Flow, buildRequest } from 'rosterkit/sansio';
import { addFault, clearFaults, clearLog, freePort, requestLog, useEmulator, vendorOptions } from './support/emulator.js';

const emulator = useEmulator();
const client = (provider, extra = {}) => new RosterKit({ ...vendorOptions(emulator.url, provider), ...extra });
const rateLimit = (retryAfter, extra = {}) => ({
  provider: 'b2core',
  kind: { type: 'status', status: 429, retry_after: retryAfter },
  times: 1,
  ...extra,
});

/** A fetch that reports when a request has been handed to the network. */
function watchedFetch() {
  let started;
  const sent = new Promise((resolve) => (started = resolve));
  return { sent, fetch: (url, init) => (started(), fetch(url, init)) };
}

afterEach(async () => {
  await clearFaults(emulator.url);
});

async function send(request) {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body ?? undefined });
  return { status: response.status, headers: [...response.headers], body: new Uint8Array(await response.arrayBuffer()) };
}

describe('Retry-After', () => {
  test('the core asks the host to sleep exactly what Retry-After says', async () => {
    await addFault(emulator.url, rateLimit('2'));
    const target = { baseUrl: `${emulator.url}/b2core`, token: 'b2core-demo-token' };
    const flow = Flow.call('b2core.get_group', { group_id: '1' }, target);
    let step = flow.start();
    assert.equal(step.step, 'send');
    step = flow.onResponse(await send(step.request), 5);
    assert.deepEqual(step, { step: 'sleep', millis: 2000 });
    step = flow.onWoken(2005);
    assert.equal(step.step, 'send');
    step = flow.onResponse(await send(step.request), 2010);
    assert.equal(step.step, 'done');
    assert.equal(step.ok.name, 'Administrators');
    flow.free();
  });

  test('the client sleeps and retries, then succeeds', async () => {
    await addFault(emulator.url, rateLimit('1'));
    await clearLog(emulator.url);
    const group = await client('b2core').getGroup('1');
    assert.equal(group.name, 'Administrators');
    assert.deepEqual((await requestLog(emulator.url)).map((r) => r.status), [429, 200]);
  });

  test('with no retries left, rate_limited carries retryAfterMs', async () => {
    await addFault(emulator.url, rateLimit('3'));
    await assert.rejects(client('b2core', { retry: { maxAttempts: 1 } }).getGroup('1'), (e) => {
      assert.ok(isRateLimited(e));
      assert.equal(e.status, 429);
      assert.equal(e.retryAfterMs, 3000);
      assert.equal(e.provider, 'b2core');
      assert.equal(e.operation, 'getGroup');
      return true;
    });
  });

  test('a 503 is retried for a read but a create is never sent twice', async () => {
    const fault = { provider: 'b2core', kind: { type: 'status', status: 503 }, times: 1 };
    const fast = { retry: { baseDelayMs: 1, maxDelayMs: 2 } };
    await addFault(emulator.url, { ...fault, method: 'GET' });
    await clearLog(emulator.url);
    assert.equal((await client('b2core', fast).getGroup('1')).id, '1');
    assert.deepEqual((await requestLog(emulator.url)).map((r) => r.status), [503, 200]);

    await addFault(emulator.url, { ...fault, method: 'POST' });
    await clearLog(emulator.url);
    await assert.rejects(client('b2core', fast).createGroup({ name: 'Twice?' }), (e) => isApiError(e) && e.status === 503);
    assert.deepEqual((await requestLog(emulator.url)).map((r) => [r.method, r.status]), [['POST', 503]]);
  });

  test('a dropped connection is a transport failure, retried for reads', async () => {
    await addFault(emulator.url, { provider: 'b2core', kind: { type: 'drop' }, times: 1 });
    await clearLog(emulator.url);
    assert.equal((await client('b2core', { retry: { baseDelayMs: 1 } }).getGroup('1')).id, '1');
    assert.deepEqual((await requestLog(emulator.url)).map((r) => r.status), [0, 200]);
  });

  test('nobody listening: a transport error, never naming the token', async () => {
    const port = await freePort();
    const token = 'sekret-token-that-must-not-leak';
    const c = new RosterKit({ provider: 'b2core', baseUrl: `http://127.0.0.1:${port}`, token, retry: { maxAttempts: 2, baseDelayMs: 1 } });
    await assert.rejects(c.createGroup({ name: 'x' }), (e) => {
      assert.ok(isTransportError(e), `${e}`);
      assert.match(e.message, /b2core\.create_group after 2 attempt\(s\)/, 'refused connections are retried even for a create');
      assert.ok(!e.message.includes(token) && !e.stack.includes(token));
      return true;
    });
  });
});

describe('AbortSignal', () => {
  test('aborts a fetch in flight', { timeout: 20000 }, async () => {
    await addFault(emulator.url, { provider: 'b2core', kind: { type: 'latency', millis: 15000 }, times: 1 });
    const controller = new AbortController();
    const watched = watchedFetch();
    const pending = client('b2core', { fetch: watched.fetch }).listGroups({ signal: controller.signal });
    await watched.sent;
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
  });

  test('aborts a Retry-After sleep', { timeout: 20000 }, async () => {
    await addFault(emulator.url, rateLimit('30'));
    await clearLog(emulator.url);
    const controller = new AbortController();
    const pending = client('b2core').getGroup('1', { signal: controller.signal });
    while (!(await requestLog(emulator.url)).some((r) => r.status === 429)) {
      await new Promise((r) => setTimeout(r, 10));
    }
    controller.abort(new Error('user gave up'));
    await assert.rejects(pending, { message: 'user gave up' });
  });

  test('a client-wide signal already aborted sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await clearLog(emulator.url);
    const c = client('ssw', { signal: controller.signal });
    await assert.rejects(c.listGroups(), { name: 'AbortError' });
    await assert.rejects(c.addMembers('grp_001', ['user_1001']), { name: 'AbortError' });
    assert.deepEqual(await requestLog(emulator.url), []);
  });

  test('the client-wide signal aborts a call that has its own signal too', { timeout: 20000 }, async () => {
    await addFault(emulator.url, { provider: 'b2core', kind: { type: 'latency', millis: 15000 }, times: 1 });
    const clientWide = new AbortController();
    const perCall = new AbortController();
    const watched = watchedFetch();
    const c = client('b2core', { signal: clientWide.signal, fetch: watched.fetch });
    const pending = c.listGroups({ signal: perCall.signal });
    await watched.sent;
    clientWide.abort(new Error('shutting down'));
    await assert.rejects(pending, { message: 'shutting down' });
  });

  test('an aborted apply rejects instead of reporting half', { timeout: 20000 }, async () => {
    await addFault(emulator.url, { provider: 'ssw', kind: { type: 'latency', millis: 15000 } });
    const controller = new AbortController();
    const watched = watchedFetch();
    const pending = client('ssw', { fetch: watched.fetch }).addMembers('grp_001', ['user_1001', 'user_1002', 'user_1003'], {
      signal: controller.signal,
      concurrency: 2,
    });
    await watched.sent;
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
  });
});

test('buildRequest gives what the client sends', () => {
  const request = buildRequest('b2core.get_group', { group_id: '1' }, { baseUrl: 'https://b2.example', token: 't' });
  assert.deepEqual({ ...request, body: request.body ?? null }, {
    method: 'GET',
    url: 'https://b2.example/api/v2/groups/1',
    headers: [
      ['Accept', 'application/json'],
      ['Authorization', 'Bearer t'],
    ],
    body: null,
  });
});
