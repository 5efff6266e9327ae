// Shared by the browser tests: a static file server on a free loopback port, and headless
// Chromium pages that record every console error and uncaught exception.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
/** Built by scripts/test: the site for `--public-url /oncall/`, and a later deploy with other data. */
export const DIST_ONCALL = join(ROOT, 'target/dist-oncall');
export const DIST_V2 = join(ROOT, 'target/dist-v2');
/** Built by scripts/test from tests/fixtures/hostile-data: markup and control characters as data. */
export const DIST_HOSTILE = join(ROOT, 'target/dist-hostile');

/** Content types by file extension, as a static host sends them. */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` like a plain static host: files as they are, `dir/index.html` for a folder,
 * `404.html` (or a bare 404) for anything else. With `spaFallback`, unknown paths get
 * `index.html` instead, like `trunk serve`. `prefix` serves the site under a subpath, and
 * `others` ({ '/prefix': dir }) serves more sites on the same origin; the longest matching
 * prefix answers.
 */
export async function startServer(dir = DIST, { spaFallback = false, prefix = '', others = {} } = {}) {
  const sites = new Map([[prefix, dir], ...Object.entries(others)]);
  let online = true;
  const requests = [];
  const server = createServer(async (req, res) => {
    // Offline: the connection drops, as when the network is gone.
    if (!online) { req.socket.destroy(); return; }
    const full = decodePath(new URL(req.url, 'http://x').pathname);
    requests.push(full);
    const site = [...sites.keys()].filter((p) => full.startsWith(p + '/')).sort((a, b) => b.length - a.length)[0];
    if (site === undefined) { res.writeHead(404); res.end('outside the site'); return; }
    const dir = sites.get(site);
    const path = full.slice(site.length);
    const file = normalize(join(dir, path));
    res.setHeader('cache-control', 'no-cache');
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
    /** Every path asked for, in order (a test may empty it). */
    requests,
    /** Serves another folder from now on at `at` (default: the first site), like a new deploy. */
    deploy: (newDir, at = prefix) => { sites.set(at, newDir); },
    /** Makes the network unreachable (or reachable again) without closing the server. */
    setOnline: (value) => { online = value; },
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

/** A URL path decoded; one with a malformed escape (a hostile link) is looked up as written. */
function decodePath(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Headless Chromium (Playwright gives every launch a fresh temporary profile). */
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
  return {
    browser,
    /** A context (cookies, storage, clock, zone) of its own; see Playwright's newContext. */
    /** Every wait and navigation in it may take up to APP_LIMIT_MS (see there). */
    newContext: async (options = {}) => {
      const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', ...options });
      context.setDefaultTimeout(APP_LIMIT_MS);
      return context;
    },
    close: () => browser.close(),
  };
}

/** A new page whose console errors and uncaught exceptions are collected in `page.problems`. */
export async function newPage(context) {
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // Chromium logs the page's own 404 too; that one is expected (see below).
    const ownStatus = msg.text().startsWith('Failed to load resource') && msg.location().url === page.url();
    if (!ownStatus) page.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`uncaught: ${err.message}`));
  // A page's own 404 is how a plain host answers an unknown path (the app then says so);
  // any other failed request is a problem.
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.request().isNavigationRequest()) page.problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  return page;
}

/**
 * How long a page may take to show what a test waits for before the test calls it hung: far
 * beyond a cold load on a loaded 2-core machine (seconds), so a busy machine never fails a test.
 */
export const APP_LIMIT_MS = 90_000;
/** How long one test (many pages) may run before it is called hung; only a hung test reaches it. */
export const TEST_LIMIT_MS = 15 * 60_000;

/** The app has mounted: the static shell's search box (disabled) has been replaced by the app's. */
const APP_MOUNTED = 'header [role="search"] input:not([disabled])';
/** Something on the page is still loading (e.g. a runbook's text, fetched on demand). */
const LOADING = 'main [aria-busy="true"]';

/**
 * Waits until the app has mounted, `selector` is rendered (not only painted before the wasm
 * by assets/now-first.js) and nothing on the page is still loading; fails at once, naming the
 * problem, if the page logs an error or throws first (a wasm panic shows up this way instead
 * of as a timeout).
 */
export async function waitForApp(page, selector, timeout = APP_LIMIT_MS) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (page.problems.length) throw new Error(`the page failed:\n${page.problems.join('\n')}`);
    const ready = await page.locator(APP_MOUNTED).count() && !(await page.locator(LOADING).count());
    if (ready && await page.locator(selector).count()) return page.locator(selector);
    await page.waitForTimeout(50);
  }
  throw new Error(`${selector} did not render within ${timeout} ms`);
}

/**
 * Opens `path` in a new page of `context` with the browser clock set to `instant` (an ISO
 * string with offset), and waits for `selector` to render. The clock then runs, unless
 * `clock` is 'paused' (time stands still and no timer runs until the test moves it) or
 * 'fixed' (time stands still, timers run: for tools such as axe that wait on timers).
 */
export async function openAt(context, url, instant, selector = 'main h1', { clock = 'running' } = {}) {
  const page = await newPage(context);
  const time = new Date(instant);
  if (clock === 'fixed') {
    await page.clock.setFixedTime(time);
  } else if (clock === 'paused') {
    // Installed a minute early: a running clock may pause only at a time still to come.
    await page.clock.install({ time: new Date(time.getTime() - 60_000) });
    await page.clock.pauseAt(time);
  } else {
    await page.clock.install({ time });
  }
  await page.goto(url);
  await waitForApp(page, selector);
  return page;
}

/**
 * For a test file: starts the server and browser before its tests and stops them after.
 * Returns an object whose `url`, `browser` are set once `before` has run.
 */
export function useSite(before, after, serverOptions = {}) {
  const site = {};
  before(async () => {
    site.server = await startServer(DIST, serverOptions);
    site.url = site.server.url;
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/**
 * Like `useSite`, for several builds at once: `dirs` names them (e.g. `{ main: DIST, v2: DIST_V2 }`)
 * and the returned object gets a server of each under those names, plus `browser`.
 */
export function useSites(before, after, dirs) {
  const site = {};
  before(async () => {
    for (const [name, dir] of Object.entries(dirs)) site[name] = await startServer(dir);
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    for (const name of Object.keys(dirs)) await site[name]?.close();
  });
  return site;
}

/** `data-week` → `data-on-call` of every schedule row on the page. */
export async function scheduleRows(page) {
  return page.locator('tr[data-week]').evaluateAll((rows) =>
    rows.map((r) => [r.dataset.week, r.dataset.onCall]));
}

/** New York instants used across the tests. */
export const NY = {
  thanksgiving: '2026-11-26T12:00:00-05:00',
  beforeHandoff: '2026-11-30T08:59:00-05:00',
};
