// A tiny dependency-free static file server core, shared by the test harness
// (harness.js) and the manual `scripts/serve.sh` (serve.js).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jwt': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Serve a file below `root` for the URL remainder `rel` (already stripped of
 * the mount prefix). Directory requests serve index.html. Returns false when
 * nothing was found (caller sends 404). Refuses paths escaping `root`.
 */
export function serveFile(req, res, root, rel, extraHeaders = {}) {
  let decoded;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return false;
  }
  const rootAbs = path.resolve(root);
  let file = path.resolve(rootAbs, '.' + path.posix.normalize('/' + decoded));
  if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return false;
  let st;
  try {
    st = fs.statSync(file);
    if (st.isDirectory()) {
      file = path.join(file, 'index.html');
      st = fs.statSync(file);
    }
  } catch {
    return false;
  }
  if (!st.isFile()) return false;
  res.writeHead(200, {
    'Content-Type': contentType(file),
    'Content-Length': st.size,
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  if (req.method === 'HEAD') {
    res.end();
  } else {
    fs.createReadStream(file).pipe(res);
  }
  return true;
}

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': '*',
};

/**
 * Create an HTTP server from a list of mounts:
 * [{ prefix: '/wallet/', root: '/abs/dist', cors: false }, ...]
 * A request for the bare prefix without trailing slash is redirected.
 */
export function createStaticServer(mounts) {
  return http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const pathname = url.pathname;
    for (const m of mounts) {
      const bare = m.prefix.replace(/\/$/, '');
      if (bare && pathname === bare) {
        res.writeHead(301, { Location: m.prefix + url.search });
        res.end();
        return;
      }
      if (pathname.startsWith(m.prefix)) {
        const headers = m.cors ? CORS_HEADERS : {};
        if (req.method === 'OPTIONS') {
          res.writeHead(204, headers);
          res.end();
          return;
        }
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, headers);
          res.end();
          return;
        }
        if (serveFile(req, res, m.root, pathname.slice(m.prefix.length), headers)) return;
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
        res.end('not found\n');
        return;
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  });
}

export function listen(server, port = 0, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}
