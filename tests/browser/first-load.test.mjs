// What a first visit to the Now view downloads (issue 11): byte sizes are deterministic, so
// their budget is a test; timings are not, and live in the benchmark (make bench).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { DIST, ROOT, useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

/** Which wasm toolchain built dist/, as scripts/setup recorded it; their wasm differ in size. */
const TOOLCHAIN = existsSync(join(ROOT, '.tools/wasm-toolchain'))
  ? readFileSync(join(ROOT, '.tools/wasm-toolchain'), 'utf8').trim()
  : 'rustup';

/**
 * Brotli bytes of a first load of the Now view, per toolchain. Measured on 2026-12-04: with
 * issue 16's horizon checks, 268,975 (rustup's Rust 1.95) and 262,999 (Debian's rustc-web
 * 1.96); issue 20 (everyday use, round two: symptoms in search, the menu carrying a preview,
 * close-name suggestions, the page for someone not in the data, conflicts in the banner,
 * fairness folded on a phone) added 12.4 kB (rustup: 267,725 → 280,161 without the horizon),
 * so 281,095 measured with rustup and about 275,400 with Debian's (estimated from the same
 * increase) with both. Issue 17 (organisations) costs a single team's site 7.7 kB although its
 * pages are compiled out of it (`cfg(rota_org)`): 1.9 kB for the `/teams/<team>/…` routes, the
 * rest for choosing the page's team (rustup: 288,841; Debian's estimated at 283,150).
 * Issue 18's fine-grained schedule (the frame rendered once, rows keyed by week with `<For>`,
 * the picker updated in place) costs 14.3 kB: Leptos' keyed diff is 5 kB of it, the rest the
 * reactive parts it needs, after cutting them from 19.1 kB to 13.8 kB by reading one memo of
 * the link per page instead of one signal per value (rustup: 303,092; Debian's estimated at
 * 297,400 from the same increase). Prerendering every page adds nothing here: the Now view is
 * painted from the on-call table, as before.
 * Layers (issue 19) add 5.2 kB of wasm to a team without them (rustup: 309,524): the resolver's
 * check that a holiday swap's backup holds no other layer that week, the Now view's frame and
 * the team file's layer lines. Their pages, CSV and Now-view computations are compiled only
 * for a site with layers (`cfg(rota_layers)`), which cut this from 13.8 kB. Debian's is
 * estimated from the same increase (303,850).
 * Each budget is its figure plus 0.5 % for the build date's table. Raise one only with a reason in the commit:
 * it is the figure the benchmark compares with a bare Leptos page (issue 11).
 */
const BUDGETS = { rustup: 311_100, debian: 305_400 };
const BUDGET = BUDGETS[TOOLCHAIN];

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test('a first visit to the Now view fetches the page, its code and styles, and nothing else', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const fetched = [];
  context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const page = await openAt(context, site.url + '/', NY.thanksgiving, '[data-testid="on-call-next"]');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(fetched.filter((path) => /^\/(text|api|calendar)\//.test(path)), [], 'no text, API or feeds');
  const files = [...new Set(fetched)].map((path) => join(DIST, path === '/' ? 'index.html' : path));
  const total = files.reduce((sum, file) => sum + brotli(readFileSync(file)), 0);
  assert.ok(BUDGET, `no budget for the toolchain ${JSON.stringify(TOOLCHAIN)}`);
  console.log(`first load: ${files.length} files, ${total} bytes brotli (${TOOLCHAIN} toolchain, budget ${BUDGET})`);
  assert.ok(total <= BUDGET, `${total} bytes brotli > budget ${BUDGET}: ${files.map((f) => f.slice(DIST.length)).join(', ')}`);
  assert.ok(files.some((f) => f.endsWith('.wasm')));
  await context.close();
});

test('every compressible file has .br and .gz copies with the same bytes, for hosts that serve them', async () => {
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  const { readdirSync, statSync } = await import('node:fs');
  const walk = (dir) => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
  const plain = walk(DIST).filter((f) => /\.(html|js|wasm|css|svg|json|webmanifest|ics|txt)$/.test(f));
  assert.ok(plain.length > 20);
  for (const file of plain) {
    const bytes = readFileSync(file);
    assert.ok(brotliDecompressSync(readFileSync(`${file}.br`)).equals(bytes), `${file}.br`);
    assert.ok(gunzipSync(readFileSync(`${file}.gz`)).equals(bytes), `${file}.gz`);
  }
  // The service worker precaches the plain files only, and not the API (the app never reads it).
  const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
  assert.doesNotMatch(worker, /\.(br|gz)"/);
  assert.doesNotMatch(worker, /"\/api\//);
  assert.match(worker, /"\/text\/search-[0-9a-f]{16}\.txt"/, 'the text is precached, for offline use');
});
