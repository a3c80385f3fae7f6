// The package in a real browser: Debian's Chromium, driven by
// playwright-core, runs one workflow against the emulator through a
// same-origin proxy, twice: from the ESM build through an import map, and
// from an esbuild bundle built with top-level await forbidden (what a
// bundler-based app ships).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startPageServer } from './browser/server.js';
import { useEmulator } from './support/emulator.js';

const emulator = useEmulator();
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PACKAGE = fileURLToPath(new URL('../', import.meta.url));

/** Bundles the workflow with the package the way an app's bundler would. */
async function bundle() {
  await build({
    entryPoints: [`${PACKAGE}browser-pages/app.js`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    // The bundle sits one level under the package, as dist/ does, so the
    // glue's `new URL('../wasm/…', import.meta.url)` finds the .wasm.
    outfile: `${PACKAGE}.bundle/app.js`,
    // Fails the build if anything still needs top-level await.
    supported: { 'top-level-await': false },
    logLevel: 'silent',
  });
}

async function workflow(page, server) {
  const result = await page.evaluate((token) => window.runWorkflow(token), 'ssw-demo-token');
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
}

test('list groups, add a member, list members, remove it, in Chromium (ESM and bundled)', { timeout: 120000 }, async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing (apt-get install chromium)`);
  await bundle();
  const server = await startPageServer(emulator.url);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    for (const path of ['/', '/bundle']) {
      const page = await browser.newPage();
      const pageErrors = [];
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await page.goto(`${server.url}${path}`);
      await page.waitForFunction(() => typeof window.runWorkflow === 'function');
      await workflow(page, server);
      assert.deepEqual(pageErrors, [], path);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
