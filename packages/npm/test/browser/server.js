// A tiny same-origin server for the browser test: the built package under
// /pkg/, the test page at /, and /api/* reverse-proxied to the emulator
// (which sends no CORS headers, so the page must not call it cross-origin).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = {
  '/': fileURLToPath(new URL('./index.html', import.meta.url)),
  '/bundle': fileURLToPath(new URL('./bundle.html', import.meta.url)),
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

function serveFile(res, file) {
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

function proxy(req, res, emulatorUrl, proxied) {
  const target = new URL(req.url.slice('/api'.length), emulatorUrl);
  proxied.push(`${req.method} ${target.pathname}`);
  const headers = { ...req.headers, host: target.host };
  const upstream = httpRequest(target, { method: req.method, headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', () => res.writeHead(502).end('emulator unreachable'));
  req.pipe(upstream);
}

/** Starts the server on a free 127.0.0.1 port. */
export function startPageServer(emulatorUrl) {
  const proxied = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path.startsWith('/api/')) return proxy(req, res, emulatorUrl, proxied);
    if (path in PAGES) return serveFile(res, PAGES[path]);
    if (path.startsWith('/pkg/')) {
      const file = normalize(join(PACKAGE, path.slice('/pkg/'.length)));
      if (!file.startsWith(PACKAGE)) return res.writeHead(403).end();
      return serveFile(res, file);
    }
    res.writeHead(404).end('not found');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        proxied,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(done);
        }),
      });
    });
  });
}
