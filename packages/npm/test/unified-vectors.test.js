// Every case of tests/vectors/unified/ through the JavaScript client, under
// the rules of that folder's README: a scripted fetch answers each request,
// and the result or error must be what the case says. JavaScript spells the
// core's records in camelCase, so the case's snake_case op and expectations
// are converted (keys only, never a vendor's `input`) before comparing.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, test } from 'node:test';
import { RosterKit, isRosterKitError } from 'rosterkit';
import { camelKeys, dropNulls } from './support/canonical.js';
import { REPO_ROOT } from './support/emulator.js';

const DIR = join(REPO_ROOT, 'tests', 'vectors', 'unified');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

function bodyText(body) {
  if (body === null || body === undefined) return null;
  return 'json' in body ? JSON.stringify(body.json) : body.text;
}

/** A `fetch` that plays the case's exchanges in order, recording any mismatch. */
function scripted(exchanges, problems) {
  let next = 0;
  const fetch = async (url, init) => {
    const exchange = exchanges[next++];
    const sent = init.body === undefined || init.body === null ? null : new TextDecoder().decode(init.body);
    if (exchange === undefined) {
      problems.push(`request ${next} beyond the script: ${init.method} ${url}`);
      throw new DOMException('beyond the script', 'AbortError');
    }
    const want = exchange.request;
    const body = want.body;
    const same =
      init.method === want.method &&
      url === want.url &&
      (body === null
        ? sent === null || sent === ''
        : 'json' in body
          ? sent !== null && JSON.stringify(JSON.parse(sent)) === JSON.stringify(body.json)
          : sent === body.text);
    if (!same) {
      problems.push(`request ${next}: sent ${init.method} ${url} ${sent ?? ''}; the script has ${want.method} ${want.url} ${bodyText(body) ?? ''}`);
      throw new DOMException('not the scripted request', 'AbortError');
    }
    const r = exchange.response;
    return new Response(r.status === 204 || r.status === 304 ? null : bodyText(r.body), { status: r.status, headers: r.headers });
  };
  return { fetch, used: () => next };
}

/** Key-wise equality, so `{a: {b: 1, c: 2}}` and `{a: {c: 2, b: 1}}` match. */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
}

for (const file of files) {
  const spec = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  describe(`unified/${file}`, () => {
    for (const c of spec.cases) {
      test(c.name, async () => {
        const problems = [];
        const script = scripted(c.exchanges, problems);
        const retry = camelKeys(c.retry ?? { max_attempts: 1 });
        const op = { ...camelKeys(c.op), op: camel(c.op.op) };
        let result;
        try {
          const client = new RosterKit({
            provider: c.provider,
            baseUrl: c.target.base_url,
            token: c.target.token,
            ...(c.target.tenant_id === null ? {} : { tenantId: c.target.tenant_id }),
            retry,
            concurrency: 1,
            fetch: script.fetch,
          });
          result = { ok: await client.unified(op) };
        } catch (error) {
          result = { error };
        }
        assert.deepEqual(problems, []);
        // No string form of the outcome shows the credential (a server may echo it).
        const token = c.target.token;
        const shown = 'ok' in result
          ? [JSON.stringify(result.ok)]
          : [String(result.error), String(result.error?.stack), inspect(result.error), JSON.stringify(result.error?.detail)];
        for (const text of shown) assert.ok(!text.includes(token), `the token leaked: ${text}`);
        assert.equal(script.used(), c.exchanges.length, 'every exchange was used');
        if ('ok' in c.expect) {
          assert.ok('ok' in result, `failed: ${result.error}`);
          assert.deepEqual(canonical(dropNulls(result.ok)), canonical(dropNulls(camelKeys(c.expect.ok))));
        } else {
          assert.ok('error' in result, `succeeded: ${JSON.stringify(result.ok)}`);
          const e = result.error;
          assert.ok(isRosterKitError(e), `not a RosterKitError: ${e}`);
          const detail = dropNulls(e.detail);
          for (const [key, want] of Object.entries(dropNulls(camelKeys(c.expect.error)))) {
            // A field names a key, which JavaScript spells in camelCase.
            const have = key === 'field' ? camel(String(detail.field)) : detail[key];
            assert.deepEqual(have, key === 'field' ? camel(want) : want, `${key} of ${JSON.stringify(detail)}`);
          }
        }
      });
    }
  });
}

test('the unified vectors are there', () => {
  const cases = files.flatMap((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')).cases);
  assert.ok(cases.length > 0, 'no unified vector cases');
});
