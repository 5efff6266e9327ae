// Shared by the browser tests: a static file server on a free loopback port, and headless
// Chromium pages that record every console error and uncaught exception.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ics': 'text/calendar; charset=utf-8',
};

/**
 * Serves `dir` like a plain static host: files as they are, `dir/index.html` for a folder,
 * `404.html` (or a bare 404) for anything else. With `spaFallback`, unknown paths get
 * `index.html` instead, like `trunk serve`.
 */
export async function startServer(dir = DIST, { spaFallback = false } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path));
    const send = async (name, status = 200) => {
      const body = await readFile(name);
      res.writeHead(status, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' });
      res.end(body);
    };
    try {
      if (!file.startsWith(dir)) throw new Error('outside');
      const info = await stat(file);
      await send(info.isDirectory() ? join(file, 'index.html') : file);
    } catch {
      try {
        if (spaFallback) await send(join(dir, 'index.html'));
        else await send(join(dir, '404.html'), 404);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

/** Headless Chromium with a fresh profile, removed again by `close()`. */
export async function launchBrowser() {
  const profile = await mkdtemp(join(tmpdir(), 'rota-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
  return {
    context,
    close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); },
  };
}

/** A new page whose console errors and uncaught exceptions are collected in `page.problems`. */
export async function newPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => page.problems.push(`uncaught: ${err.message}`));
  page.on('response', (res) => { if (res.status() >= 400) page.problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  return page;
}

/**
 * Waits until `selector` is rendered; fails at once, naming the problem, if the page logs an
 * error or throws first (a wasm panic shows up this way instead of as a timeout).
 */
export async function waitForApp(page, selector, timeout = 15000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (page.problems.length) throw new Error(`the page failed:\n${page.problems.join('\n')}`);
    if (await page.locator(selector).count()) return page.locator(selector);
    await page.waitForTimeout(50);
  }
  throw new Error(`${selector} did not render within ${timeout} ms`);
}
