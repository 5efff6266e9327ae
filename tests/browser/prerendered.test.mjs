// Every page's content is in its HTML (issue 18): rendered at build time by the app's own views
// (src/prerender.rs), so with the wasm blocked each route kind still shows what it is about,
// its links lead on, and nothing says who was on call when the site was built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage, waitForApp } from './support.mjs';

const site = useSite(before, after);

/** Tuesday of 2026-W50, when Bob is on call (`make test` builds dist/ at the time it runs). */
const W50 = '2026-12-08T12:00:00-05:00';

/** A page whose wasm never arrives, at `instant`. */
async function withoutWasm(context, path, instant = W50) {
  await context.route('**/*.wasm', (route) => route.abort());
  // Not `newPage`: the blocked wasm's failure is this test's doing, not a problem of the page.
  const page = await context.newPage();
  await page.clock.install({ time: new Date(instant) });
  await page.goto(site.url + path);
  return page;
}

/** Each route kind, its heading and words its content must hold (the schedule and fairness
 * open at the week and year of the build). */
const ROUTES = [
  ['/pipelines', 'Pipelines and owners', /Aggregate Profit\s+investor\s+Bob\s+Charlie\s+Runbook/],
  ['/pipelines/aggregate-profit', 'Aggregate Profit investor', /Who to call, in order[\s\S]*Primary owner\s+Bob/],
  ['/runbooks', 'Runbooks', /Aggregate Engagement/],
  ['/runbooks/aggregate-profit', 'Aggregate Profit runbook', /Source Data Incompleteness[\s\S]*Upstream financial data systems fail to deliver/],
  ['/people', 'People', /Alice\s+Bob\s+Charlie\s+Diana/],
  ['/people/alice', 'Alice', /Backup for holiday weeks\s+Bob[\s\S]*On call in the next 26 weeks/],
  ['/schedule', /^Schedule: \d{4}-W\d\d to \d{4}-W\d\d$/, /Week\s+On call\s+Holidays, swaps, conflicts/],
  ['/fairness', /^Fairness in \d{4}$/, /Alice[\s\S]*Bob[\s\S]*Charlie[\s\S]*Diana/],
];

test('every route kind shows its content with the wasm blocked', async () => {
  const context = await site.browser.newContext();
  for (const [path, heading, content] of ROUTES) {
    const page = await withoutWasm(context, path);
    const h1 = await page.locator('main h1').innerText();
    if (heading instanceof RegExp) assert.match(h1, heading, path);
    else assert.equal(h1, heading, path);
    assert.match(await page.locator('main').innerText(), content, path);
    assert.equal(await page.locator('header [role="search"] input[disabled]').count(), 1, `${path}: the app did not mount`);
    assert.notEqual(await page.title(), 'rota · on call', `${path} has its own title`);
    if (path === '/schedule') assert.equal(await page.locator('tr[data-week]').count(), 12);
    await page.close();
  }
  await context.close();
});

test('the escalation line names who is on call when the page is read, not when it was built', async () => {
  const context = await site.browser.newContext();
  const page = await withoutWasm(context, '/runbooks/aggregate-profit');
  const onCall = page.locator('[data-step="on-call"]');
  assert.match(await onCall.innerText(), /^On call now\s+Bob\s+No contact on file$/);
  assert.equal(await page.locator('[data-step="on-call"]').count(), 1, 'the other engineers\' steps are gone');
  assert.equal(await onCall.getByRole('link', { name: 'Bob' }).getAttribute('href'), '/people/bob');
  await context.close();
});

test('links between prerendered pages lead on without the wasm, and a deep link reaches its failure point', async () => {
  const context = await site.browser.newContext();
  const page = await withoutWasm(context, '/pipelines');
  await page.getByRole('link', { name: 'Aggregate Growth' }).click();
  await page.waitForURL(/\/pipelines\/aggregate-growth$/);
  assert.equal(await page.locator('main h1').innerText(), 'Aggregate Growth investor');
  await page.goto(site.url + '/runbooks/aggregate-profit#data-latency');
  await page.locator('#data-latency').waitFor();
  assert.ok(await page.locator('#data-latency').evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.top >= 0 && box.top < innerHeight;
  }), 'the failure point is scrolled into view');
  await context.close();
});

test('the app takes over a prerendered page in place: same content, nothing moves', async () => {
  const context = await site.browser.newContext();
  // Hold the wasm back until the prerendered page has been looked at.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  const page = await newPage(context);
  await page.clock.install({ time: new Date(W50) });
  await page.goto(site.url + '/pipelines/aggregate-profit');
  await page.evaluate(() => {
    window.shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shifts += entry.value;
    }).observe({ type: 'layout-shift' });
  });
  const heading = () => page.locator('main h1').evaluate((h) => [h.innerText, h.getBoundingClientRect().top]);
  const before = await heading();
  release();
  await waitForApp(page, 'main h1');
  assert.deepEqual(await heading(), before);
  assert.equal(await page.evaluate(() => window.shifts), 0, 'no layout shift when the app mounts');
  assert.deepEqual(page.problems, []);
  await context.close();
});
