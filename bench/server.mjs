// Static file servers for the benchmark, on a free loopback port (modelled on
// tests/browser/support.mjs's startServer):
//   plain     files as they are, like a host with no compression configured;
//   compress  a host that compresses: a pre-compressed FILE.br / FILE.gz next to FILE when one
//             exists (and the browser accepts it), else brotli or gzip on the fly (brotli at
//             quality 5 and gzip at level 6, the usual on-the-fly settings), by Accept-Encoding.
// A folder serves its index.html; an unknown path gets 404.html (status 404) when the site has
// one, else (for a path without an extension) index.html like a single-page host: page B has
// no page per route.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { TYPES as SITE_TYPES } from '../tests/browser/support.mjs';

const TYPES = { ...SITE_TYPES, '.mjs': 'text/javascript' };
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.ics', '.txt']);

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Starts a server of `dir` in `mode` ('plain' or 'compress'); returns { url, takeLog, close }.
 * `takeLog()` returns (and forgets) what was served since the last call: { path, body } with the
 * body before any compression, so a visit's transfer is known even for requests whose bodies the
 * browser does not show (a service worker's).
 */
export async function startServer(dir, mode = 'plain') {
  dir = resolve(dir);
  const log = [];
  const onTheFly = new Map(); // `${encoding} ${file}` -> compressed bytes, made once
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      path = new URL(req.url, 'http://x').pathname;
    }
    let file = normalize(join(dir, path));
    let status = 200;
    if (!file.startsWith(dir)) file = join(dir, '404.html');
    else if (await isFile(join(file, 'index.html'))) file = join(file, 'index.html');
    if (!(await isFile(file))) {
      if (await isFile(join(dir, '404.html'))) [file, status] = [join(dir, '404.html'), 404];
      else if (!extname(path)) file = join(dir, 'index.html');
      else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
    }
    const ext = extname(file);
    const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    log.push({ path, body });
    if (mode === 'compress' && COMPRESSIBLE.has(ext)) {
      headers.vary = 'Accept-Encoding';
      const accepts = String(req.headers['accept-encoding'] ?? '');
      const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding) {
        const ready = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
        if (await isFile(ready)) {
          body = await readFile(ready);
        } else {
          const key = `${encoding} ${file}`;
          if (!onTheFly.has(key)) {
            onTheFly.set(key, encoding === 'br'
              ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
              : gzipSync(body, { level: 6 }));
          }
          body = onTheFly.get(key);
        }
        headers['content-encoding'] = encoding;
      }
    }
    headers['content-length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    takeLog: () => log.splice(0),
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}
