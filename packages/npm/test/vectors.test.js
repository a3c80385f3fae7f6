// Every golden vector in tests/vectors/ through the wasm layer: the exact
// request `buildRequest` makes, and the exact result or error
// `parseResponse` gives, under the rules of tests/vectors/README.md.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildRequest, endpointIds, parseResponse } from 'rosterkit/sansio';
import { isRosterKitError } from 'rosterkit';
import { camelKeys, dropNulls } from './support/canonical.js';
import { REPO_ROOT } from './support/emulator.js';

const VECTORS = join(REPO_ROOT, 'tests', 'vectors');
const DEFAULT_TARGET = { base_url: 'https://api.example.com', token: 'test-token' };

const toTarget = (t) => ({ baseUrl: t.base_url, token: t.token });

function toResponse(r) {
  let body = null;
  if (r.body && 'json' in r.body) body = new TextEncoder().encode(JSON.stringify(r.body.json));
  else if (r.body && 'text' in r.body) body = new TextEncoder().encode(r.body.text);
  return { status: r.status, headers: r.headers ?? [], body };
}

function outcome(run) {
  try {
    return { ok: run() };
  } catch (error) {
    assert.ok(isRosterKitError(error), `expected a RosterKitError, got ${error}`);
    return { error: dropNulls(error.detail) };
  }
}

const inventory = JSON.parse(readFileSync(join(VECTORS, 'inventory.json'), 'utf8'));
const files = readdirSync(VECTORS, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'unified')
  .flatMap((d) => readdirSync(join(VECTORS, d.name)).map((f) => join(VECTORS, d.name, f)))
  .filter((f) => f.endsWith('.json'))
  .sort();

test('the wasm layer knows exactly the inventory endpoints, in order', () => {
  assert.deepEqual(endpointIds(), inventory.map((e) => e.id));
  assert.equal(files.length, inventory.length, 'one vector file per endpoint');
});

for (const file of files) {
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  describe(spec.endpoint, () => {
    for (const c of spec.cases) {
      test(c.name, () => {
        const target = toTarget(c.target ?? spec.target ?? DEFAULT_TARGET);
        if (c.request === undefined && c.response === undefined) {
          const result = outcome(() => buildRequest(spec.endpoint, c.input, target));
          assert.deepEqual(result, { error: dropNulls(camelKeys(c.expect.error)) });
          return;
        }
        const request = buildRequest(spec.endpoint, c.input, target);
        if (c.request !== undefined) {
          assert.equal(request.method, c.request.method);
          assert.equal(request.url, c.request.url);
          assert.deepEqual(request.headers, c.request.headers);
          const body = c.request.body;
          const text = request.body == null ? null : new TextDecoder().decode(request.body);
          if (body === null) assert.equal(text, null);
          else if ('json' in body) assert.deepEqual(JSON.parse(text), body.json);
          else assert.equal(text, body.text);
        }
        if (c.response !== undefined) {
          const result = outcome(() => parseResponse(spec.endpoint, c.input, toResponse(c.response)));
          // Endpoint outputs keep the vendor's keys; errors are core records.
          const expected = 'ok' in c.expect ? { ok: dropNulls(c.expect.ok) } : { error: dropNulls(camelKeys(c.expect.error)) };
          assert.deepEqual(dropNulls(result), dropNulls(expected));
        }
      });
    }
  });
}
