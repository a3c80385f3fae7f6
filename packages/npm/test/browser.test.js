// The package in a real browser: Debian's Chromium, driven by
// playwright-core, loads the ESM build and its wasm from a page served on
// 127.0.0.1 and runs a workflow against the emulator through a proxy.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { startPageServer } from './browser/server.js';
import { useEmulator } from './support/emulator.js';

const emulator = useEmulator();
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

test('list groups, add a member, list members, remove it, in Chromium', { timeout: 120000 }, async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
  const server = await startPageServer(emulator.url);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => typeof window.runWorkflow === 'function');
    const result = await page.evaluate((token) => window.runWorkflow(token), 'ssw-demo-token');
    assert.deepEqual(pageErrors, []);
    assert.ok(result.groupCount > 20);
    assert.equal(result.group, 'grp_001');
    assert.equal(result.addedOk, true);
    assert.equal(result.memberDuring, true);
    assert.equal(result.removedOk, true);
    assert.equal(result.memberAfter, false);
    assert.deepEqual(result.badInput, { isRosterKitError: true, kind: 'invalid_input', field: 'groupId', name: 'RosterKitError' });
    assert.equal(result.clientText, `RosterKit(ssw at ${server.url}/api/ssw)`);
    assert.equal(result.sansioPaging, 'page_number');
    assert.ok(server.proxied.includes(`POST /ssw/iam/v1/group/grp_001/members/${result.newcomer}`), 'the browser sent it through fetch');
    assert.ok(server.proxied.includes(`DELETE /ssw/iam/v1/group/grp_001/members/${result.newcomer}`));
  } finally {
    await browser.close();
    await server.close();
  }
});
