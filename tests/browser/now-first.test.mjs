// The on-call name before the wasm has loaded (issue 11): assets/now-first.js paints it from
// the table of stretches the build places in the page. It must be the app's own answer, at
// every instant the table covers, and appear nowhere it could be wrong (previews, other pages,
// past the table's end). The wasm is blocked to see what the page shows without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_HOSTILE, DIST_ONCALL, DIST_V2, launchBrowser, openAt, startServer } from './support.mjs';

const site = {};
before(async () => {
  site.v2 = await startServer(DIST_V2);
  site.oncall = await startServer(DIST_ONCALL, { prefix: '/oncall' });
  site.hostile = await startServer(DIST_HOSTILE);
  site.browser = await launchBrowser();
});
after(async () => {
  await site.browser?.close();
  for (const name of ['v2', 'oncall', 'hostile']) await site[name]?.close();
});

/** Opens `url` at `instant` with the wasm blocked; returns the page once the shell has run. */
async function withoutWasm(url, instant) {
  const context = await site.browser.newContext();
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  page.cspViolations = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) page.cspViolations.push(msg.text());
  });
  await page.clock.setFixedTime(new Date(instant));
  await page.goto(url);
  await page.waitForLoadState('load');
  return page;
}

const nameOf = (page) => page.getByTestId('on-call-now').innerText();

test('before the wasm, the Now view shows who is on call, with the team, and the app then says the same', async () => {
  // dist-v2 is built on 2026-11-29 (SOURCE_DATE_EPOCH): Thanksgiving week, Alice covers Diana.
  const instant = '2026-11-26T12:00:00-05:00';
  const early = await withoutWasm(site.v2.url + '/', instant);
  assert.equal(await nameOf(early), 'Alice');
  assert.equal(await early.locator('main h1').innerText(), 'On call now');
  assert.equal(await early.locator('main .team-name').innerText(), 'Data Engineering v2');
  assert.equal(await early.locator('main').getAttribute('aria-busy'), null, 'the answer is not "loading"');
  assert.equal(await early.getByTestId('on-call-now').getAttribute('href'), '/people/alice');
  assert.deepEqual(early.cspViolations, []);
  await early.context().close();

  const context = await site.browser.newContext();
  const app = await openAt(context, site.v2.url + '/', instant, '[data-testid="on-call-next"]', { clock: 'paused' });
  assert.equal(await nameOf(app), 'Alice');
  assert.deepEqual(app.problems, []);
  await context.close();
});

test('the painted name follows covers to the minute (Charlie covers Bob from 18:00)', async () => {
  const before = await withoutWasm(site.v2.url + '/', '2026-12-09T17:59:00-05:00');
  assert.equal(await nameOf(before), 'Bob');
  await before.context().close();
  const during = await withoutWasm(site.v2.url + '/', '2026-12-09T18:00:00-05:00');
  assert.equal(await nameOf(during), 'Charlie');
  await during.context().close();
});

test('nothing is painted where the table is not the answer: a preview, another page, after its end', async () => {
  const cases = [
    [site.v2.url + '/?leave=alice:2026-11-23..2026-11-27', '2026-11-26T12:00:00-05:00', /Loading the on-call schedule/],
    // Another page shows its own content, rendered at build time (prerendered.test.mjs).
    [site.v2.url + '/schedule', '2026-11-26T12:00:00-05:00', /^Schedule: /],
    [site.v2.url + '/', '2030-06-01T12:00:00-04:00', /Loading the on-call schedule/],
  ];
  for (const [url, instant, shown] of cases) {
    const page = await withoutWasm(url, instant);
    assert.equal(await page.getByTestId('on-call-now').count(), 0, url);
    assert.match(await page.locator('main').innerText(), shown, url);
    await page.context().close();
  }
});

test('under a subpath, at stretches across the whole table, the painted name is the app\'s answer', async () => {
  const html = readFileSync(join(DIST_ONCALL, 'index.html'), 'utf8');
  const table = JSON.parse(html.match(/<script type="application\/json" id="on-call-table">(.*?)<\/script>/)[1]);
  assert.ok(table.stretches.length >= 112, `${table.stretches.length} stretches: 8 weeks back, 104 ahead`);
  const picks = [0, 7, 8, 30, 60, table.stretches.length - 1].map((i) => table.stretches[i]);
  for (const [start, end, slug] of picks) {
    const instant = new Date(start + (end - start) / 2).toISOString();
    const early = await withoutWasm(`${site.oncall.url}/oncall/`, instant);
    const painted = await nameOf(early);
    assert.equal(painted, table.names[slug]);
    assert.equal(await early.getByTestId('on-call-now').getAttribute('href'), `/oncall/people/${slug}`);
    await early.context().close();
    const context = await site.browser.newContext();
    const app = await openAt(context, `${site.oncall.url}/oncall/`, instant, '[data-testid="on-call-next"]', { clock: 'paused' });
    assert.equal(await nameOf(app), painted, `at ${instant}`);
    await context.close();
  }
});

test('names full of markup are painted as text, and the table cannot end its element', async () => {
  const html = readFileSync(join(DIST_HOSTILE, 'index.html'), 'utf8');
  const table = html.match(/<script type="application\/json" id="on-call-table">(.*?)<\/script>/s)[1];
  assert.doesNotMatch(table, /</, 'no "<" inside the data element');
  const [start, end] = JSON.parse(table).stretches.find(([, , slug]) => slug === 'alice');
  const page = await withoutWasm(site.hostile.url + '/', new Date((start + end) / 2).toISOString());
  assert.equal(await nameOf(page), "Alice <script>window.pwned='alice'</script>");
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(page.cspViolations, []);
  await page.context().close();
});
