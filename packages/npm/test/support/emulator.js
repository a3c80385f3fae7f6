// Starts `rosterkit emulator` as a child process on a free 127.0.0.1 port
// and stops it when the test file ends. Also the admin helpers (faults,
// request log, reset) and each vendor's demo credentials.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A port that was free a moment ago: bind port 0, read it, close. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function binary() {
  const bin = process.env.ROSTERKIT_BIN ?? `${REPO_ROOT}target/debug/rosterkit`;
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: run \`cargo build -p rosterkit-cli\` (or set ROSTERKIT_BIN)`);
  }
  return bin;
}

/**
 * Starts `rosterkit emulator` on a port the OS picks (127.0.0.1 only);
 * resolves once it prints `listening on <url>`, its first line.
 */
export async function startEmulator() {
  const child = spawn(binary(), ['emulator', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const onData = (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code} before listening: ${stderr}`)));
    child.once('error', reject);
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The emulator for this test file: started before its tests, stopped after. */
export function useEmulator() {
  const handle = { url: '' };
  let running;
  before(async () => {
    running = await startEmulator();
    handle.url = running.url;
  });
  after(async () => {
    await running?.stop();
  });
  return handle;
}

export const SSW_ORG = 'org_demo';
export const SPOTNANA_COMPANY = 'f49d00fe-1eda-4304-ba79-a980f565281d';

/** Options for `new RosterKit(...)` against the emulator at `url`. */
export function vendorOptions(url, provider) {
  switch (provider) {
    case 'ssw':
      return { provider, baseUrl: `${url}/ssw`, token: 'ssw-demo-token', tenantId: SSW_ORG };
    case 'spotnana':
      return { provider, baseUrl: `${url}/spotnana`, token: 'spotnana-demo-token', tenantId: SPOTNANA_COMPANY };
    case 'b2core':
      return { provider, baseUrl: `${url}/b2core`, token: 'b2core-demo-token' };
    case 'polaris':
      return { provider, baseUrl: `${url}/polaris`, token: 'polaris-demo-api-key' };
    case 'alteryx':
      return { provider, baseUrl: `${url}/alteryx/webapi`, token: 'alteryx-demo-token' };
    default:
      throw new Error(`unknown provider ${provider}`);
  }
}

export const PROVIDERS = ['ssw', 'spotnana', 'b2core', 'polaris', 'alteryx'];

async function admin(url, method, path, body) {
  const response = await fetch(`${url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} /_emulator${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

export const addFault = (url, fault) => admin(url, 'POST', '/faults', fault);
export const clearFaults = (url) => admin(url, 'DELETE', '/faults');
export const requestLog = (url) => admin(url, 'GET', '/log');
export const clearLog = (url) => admin(url, 'DELETE', '/log');
export const reset = (url) => admin(url, 'POST', '/reset');
