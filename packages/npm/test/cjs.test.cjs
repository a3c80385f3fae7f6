// CommonJS consumers: `require('rosterkit')` works on the Node versions the
// package's `engines` names (20.19+ loads ES modules without top-level await
// through require), with the same exports as `import`.
const assert = require('node:assert/strict');
const { test } = require('node:test');

test('require() gives the client, the errors and the sans-IO layer', async () => {
  const rosterkit = require('rosterkit');
  const sansio = require('rosterkit/sansio');
  assert.equal(typeof rosterkit.RosterKit, 'function');
  assert.equal(typeof rosterkit.isRosterKitError, 'function');
  const client = rosterkit.RosterKit.b2core({ baseUrl: 'https://b2.example', token: 't' });
  assert.equal(String(client), 'RosterKit(b2core at https://b2.example)');
  assert.ok(sansio.endpointIds().includes('b2core.list_groups'));
  const esm = await import('rosterkit');
  assert.equal(esm.RosterKit, rosterkit.RosterKit, 'one module, whichever way it is loaded');
});
