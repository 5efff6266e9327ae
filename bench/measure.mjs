// One measured visit of one page of the benchmark in a fresh browser context (cold cache, no
// service worker yet, 4x CPU throttling through CDP): first-load transfer (brotli of every
// response fetched, by the page and its service worker), first contentful paint, time until
// the on-call name is on screen, memory after load (JS heap after a GC + wasm memory), and
// optionally week-picker steps and search keystrokes, both timed inside the page.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants } from 'node:zlib';

const THROTTLING = 4;
const brotliSizes = new Map(); // sha1 of a body -> its brotli size at quality 11

function brotliSize(body) {
  const key = createHash('sha1').update(body).digest('hex');
  if (!brotliSizes.has(key)) {
    brotliSizes.set(key, brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length);
  }
  return brotliSizes.get(key);
}

/**
 * Installed before any page script: when the on-call name (the first element `selector` matches)
 * first has text, and the wasm memory.
 */
function initScript(selector) {
  window.__bench = { onCall: null };
  const check = () => {
    const el = document.querySelector(selector);
    if (el && el.textContent.trim() !== '') {
      window.__bench.onCall = performance.now();
      window.__bench.onCallText = el.textContent.trim();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  // trunk's loader announces the started app with the wasm exports, memory included.
  addEventListener('TrunkApplicationStarted', (e) => { window.__bench.wasmMemory = e.detail?.wasm?.memory; });
}

/**
 * Arms a timer in the page: `start` (an event type listened to in the capture phase) gives t0
 * from the event's time stamp. The page is done with the input once the task that dispatched it
 * and its microtasks have run (a message posted from the listener arrives) and every DOM mutation
 * it caused (outside `ignore`) has happened: once `done()` holds and nothing has changed for
 * `quietMs`, resolves with the later of the two minus t0. (An update that leaves the DOM as it
 * was, such as search results that did not change, mutates nothing: then the task's end counts.)
 */
function arm({ start, ignore, done, quietMs }) {
  const isDone = new Function(`return (${done})`)();
  window.__timing = new Promise((resolve, reject) => {
    let t0 = null;
    let idle = null;
    let last = null;
    let quiet = null;
    const channel = new MessageChannel();
    const failed = setTimeout(() => reject(new Error(`no update within 10 s after ${start}`)), 10000);
    const finish = () => {
      observer.disconnect();
      clearTimeout(failed);
      resolve(Math.max(last ?? idle, idle) - t0);
    };
    const check = () => {
      clearTimeout(quiet);
      if (idle !== null && isDone()) quiet = setTimeout(finish, quietMs);
    };
    channel.port1.onmessage = () => { idle = performance.now(); check(); };
    const onStart = (e) => {
      removeEventListener(start, onStart, true);
      t0 = e.timeStamp;
      channel.port2.postMessage(0);
    };
    addEventListener(start, onStart, true);
    const observer = new MutationObserver((records) => {
      if (t0 === null) return;
      if (ignore && records.every((r) => (r.target.closest ? r.target : r.target.parentElement)?.closest(ignore))) return;
      last = performance.now();
      check();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

async function timed(page, options, act) {
  await page.evaluate(arm, options);
  await act();
  return page.evaluate(() => window.__timing);
}

/**
 * Visits `server` (bench/server.mjs) once, at `path`, and waits for the on-call name in the first
 * element `onCallSelector` matches. `steps`: how many "Next week" steps to time on the schedule
 * page the menu's "Schedule" leads to (0: none); `search`: text to type into the search box, one
 * timed keystroke per character ('' : none).
 */
export async function measureVisit(browser, server, {
  path = '/', onCallSelector = '[data-testid="on-call-now"]', steps = 0, search = '', timeout = 60000,
} = {}) {
  const url = server.url;
  server.takeLog();
  const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
  // Which paths the page requested and which the service worker did (a path may be both: a
  // request of the page that the worker answers from the network shows as two).
  const byPage = new Set();
  const byWorker = new Set();
  let responses = 0;
  context.on('response', (res) => {
    responses++;
    (res.request().serviceWorker() ? byWorker : byPage).add(new URL(res.url()).pathname);
  });
  const problems = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING });
    await page.addInitScript(initScript, onCallSelector);
    await page.goto(url + path);
    await page.waitForFunction(() => window.__bench.onCall !== null, null, { timeout, polling: 50 });
    const fcp = await page.waitForFunction(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, null, { timeout, polling: 50 });
    // The name is in the DOM at `onCallDom`; it is visible no earlier than the first paint.
    const result = {
      fcp: await fcp.jsonValue(),
      onCallDom: await page.evaluate(() => window.__bench.onCall),
      onCallText: await page.evaluate(() => window.__bench.onCallText),
    };
    result.onCall = Math.max(result.onCallDom, result.fcp);
    // Let the app settle (and the service worker precache what it will), then weigh memory.
    await page.waitForTimeout(1000);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__bench.wasmMemory?.buffer.byteLength ?? 0);
    Object.assign(result, { jsHeap: heap.usedSize, wasmMemory: wasm, memory: heap.usedSize + wasm });

    // Everything fetched once the fetching stops, the service worker's precache included: the
    // first load's transfer; `transferPage` is what the page itself requested. A page that
    // registers a service worker is done once the worker is active, which it becomes only after
    // its install has precached every file (an organisation's site has thousands).
    const precached = await page.evaluate(async (ms) => {
      const registration = await navigator.serviceWorker?.getRegistration();
      if (!registration) return true;
      return Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((ok) => setTimeout(() => ok(false), ms))]);
    }, timeout);
    if (!precached) problems.push(`the service worker was not active (its precache not done) within ${timeout / 1000} s`);
    for (let seen = -1, i = 0; seen !== responses && i < 20; i++) {
      seen = responses;
      await page.waitForTimeout(300);
    }
    // Bodies as the server sent them (uncompressed), each path once; the service worker's own
    // requests are told apart by Playwright (it shows their URLs, not their bodies).
    const served = new Map(server.takeLog().map(({ path, body }) => [path, body]));
    Object.assign(result, { transfer: 0, transferPage: 0, transferRaw: 0, files: [] });
    for (const [path, body] of served) {
      const br = body.length ? brotliSize(body) : 0;
      result.transfer += br;
      result.transferRaw += body.length;
      if (byPage.has(path) || !byWorker.has(path)) result.transferPage += br;
      result.files.push({ path, raw: body.length, brotli: br, by: byWorker.has(path) && !byPage.has(path) ? 'service worker' : 'page' });
    }

    if (steps > 0) {
      await page.getByRole('link', { name: 'Schedule', exact: true }).first().click();
      await page.locator('tr[data-week]').first().waitFor({ timeout });
      // On a team's page of an organisation the menu is the team's: its schedule, not another's.
      const schedule = new URL(page.url()).pathname;
      if (schedule !== path.replace(/\/?$/, '/schedule')) problems.push(`"Schedule" led to ${schedule}, not ${path}'s schedule`);
      result.steps = [];
      for (let i = 0; i < steps; i++) {
        const before = await page.locator('tr[data-week]').first().getAttribute('data-week');
        const done = `() => document.querySelector('tr[data-week]')?.dataset.week !== ${JSON.stringify(before)}`;
        const next = page.locator('a, button').filter({ hasText: /^\s*Next week/ }).first();
        result.steps.push(await timed(page, { start: 'click', ignore: '[role=search]', done, quietMs: 100 },
          () => next.click()));
      }
    }
    if (search) {
      const box = page.locator('#search-input');
      // Using the box fetches the runbooks' text (and an organisation's directory, without which
      // its search knows only the teams' names); results say "Still fetching …" until the index
      // has them. The keystrokes are timed on the whole index: type the search once, wait for
      // its results without that note, then clear the box.
      await box.click();
      await box.fill(search);
      const ready = await page.waitForFunction(() => {
        const results = document.querySelector('#search-results');
        return results !== null && results.querySelector('.search-note') === null;
      }, null, { timeout, polling: 50 }).then(() => true, () => false);
      if (!ready) {
        const note = await page.locator('#search-results .search-note').textContent().catch(() => null);
        problems.push(`search not ready within ${timeout / 1000} s (${note ?? 'no results shown'})`);
      } else {
        await box.fill('');
        await page.locator('#search-results').waitFor({ state: 'detached', timeout });
        result.search = [];
        for (const key of search) {
          const done = '() => true';
          result.search.push(await timed(page, { start: 'keydown', ignore: null, done, quietMs: 100 },
            () => page.keyboard.press(key === ' ' ? 'Space' : key)));
        }
        const shown = await page.locator('#search-results li').count();
        if (shown === 0) problems.push(`search for "${search}" shows no results`);
      }
    }
    if (problems.length) throw new Error(`${url}${path}: ${problems.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}
