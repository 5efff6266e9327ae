// A follow-the-sun team (examples/follow-the-sun, built by scripts/test into target/dist-fts as
// of 2026-11-29): three primary regions of 8–9 hours, each a weekly rotation of two from Monday
// 5 January 2026 — APAC (Mei, Raj) 08:00–16:00 in Singapore, EMEA (Ola, Tom) 08:00–16:00 in
// London, Americas (Ana, Ben) 11:00–20:00 in New York — with a weekly secondary (Quinn, Rosa)
// and a daily shadow (Sam).
//
// The week from Monday 7 December 2026 is shift 48 of every weekly layer (336 days after
// 5 January): the first person of each. On Tuesday 8 December, APAC covers 00:00–08:00 UTC
// (08:00–16:00 SGT) and hands to EMEA at 08:00 UTC (08:00 GMT, 03:00 EST), which hands to the
// Americas at 16:00 UTC (11:00 EST).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, TEST_LIMIT_MS, launchBrowser, openAt, startServer } from './support.mjs';
import { auditEverywhere, injectAxe } from './axe.mjs';

const DIST_FTS = join(ROOT, 'target/dist-fts');
const BEFORE_EMEA = '2026-12-08T07:59:00Z';

const site = {};
before(async () => {
  site.server = await startServer(DIST_FTS);
  site.url = site.server.url;
  site.browser = await launchBrowser();
});
after(async () => {
  await site.browser?.close();
  await site.server?.close();
});

const text = async (page, testid) => (await page.getByTestId(testid).innerText()).trim();

/** The lines of "Every layer", in the team's order. */
async function layerLines(page) {
  return page.locator('[data-testid="layers-now"] li').evaluateAll((items) =>
    items.map((li) => li.innerText.replace(/\s+/g, ' ').trim()));
}

test('before the wasm, the page paints the region covering now', { timeout: TEST_LIMIT_MS }, async () => {
  const blocked = await site.browser.newContext();
  await blocked.route(/\.wasm$/, (route) => route.abort());
  const page = await blocked.newPage();
  await page.clock.setFixedTime(new Date(BEFORE_EMEA));
  await page.goto(site.url + '/');
  await page.getByTestId('on-call-now').waitFor();
  assert.equal(await text(page, 'on-call-now'), 'Mei', 'APAC, not the team rotation (Ana is off until 16:00 UTC)');
  await blocked.close();
});

test('the Now view hands from APAC to EMEA at 08:00 UTC, in every region\'s time', { timeout: TEST_LIMIT_MS }, async () => {
  const context = await site.browser.newContext({ timezoneId: 'America/Los_Angeles' });
  const page = await openAt(context, site.url + '/', BEFORE_EMEA, '[data-testid="layers-now"]', { clock: 'paused' });
  assert.equal(await text(page, 'on-call-now'), 'Mei');
  assert.equal(await text(page, 'on-call-layer'), 'APAC');
  assert.match(await text(page, 'on-call-until'), /^Tue 8 Dec 2026, 16:00 \+08 · your time: Tue, 8 Dec 2026, 00:00 (PST|GMT-8)$/);
  assert.equal(await text(page, 'on-call-next'), 'Ola');
  const next = (await page.locator('.next').innerText()).replace(/\s+/g, ' ');
  assert.match(next, /Ola \(EMEA\) from Tue 8 Dec 2026, 08:00 GMT · your time: Tue, 8 Dec 2026, 00:00 (PST|GMT-8)/);
  assert.equal(
    await text(page, 'next-region-times'),
    'Tue 8 Dec 2026, 03:00 EST in America/New_York · Tue 8 Dec 2026, 08:00 GMT in Europe/London · Tue 8 Dec 2026, 16:00 +08 in Asia/Singapore',
  );
  assert.deepEqual(await layerLines(page), [
    'Americas (primary): not covering now · next Ana from Tue 8 Dec 2026, 11:00 EST',
    'EMEA (primary): not covering now · next Ola from Tue 8 Dec 2026, 08:00 GMT',
    'APAC (primary): Mei until Tue 8 Dec 2026, 16:00 +08 · next Mei from Wed 9 Dec 2026, 08:00 +08',
    'Secondary (secondary): Quinn until Mon 14 Dec 2026, 11:00 EST · next Rosa from Mon 14 Dec 2026, 11:00 EST',
    'Shadow (shadow): Sam until Tue 8 Dec 2026, 11:00 EST · next Sam from Tue 8 Dec 2026, 11:00 EST',
  ]);

  await page.clock.fastForward('01:00');
  await page.locator('[data-testid="on-call-now"]', { hasText: 'Ola' }).waitFor();
  assert.equal(await text(page, 'on-call-layer'), 'EMEA');
  assert.equal(await text(page, 'on-call-next'), 'Ana');
  assert.match((await page.locator('.next').innerText()).replace(/\s+/g, ' '), /Ana \(Americas\) from Tue 8 Dec 2026, 11:00 EST/);
  const later = await layerLines(page);
  assert.equal(later[1], 'EMEA (primary): Ola until Tue 8 Dec 2026, 16:00 GMT · next Ola from Wed 9 Dec 2026, 08:00 GMT');
  assert.equal(later[2], 'APAC (primary): not covering now · next Mei from Wed 9 Dec 2026, 08:00 +08');
  await context.close();
});

test('a runbook\'s escalation line names the region on call now and the secondary', { timeout: TEST_LIMIT_MS }, async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/runbooks/events-ingest', BEFORE_EMEA, '[data-step="secondary-on-call"]', { clock: 'paused' });
  const steps = await page.locator('[data-testid="escalation"] > li:not([hidden])').evaluateAll((items) =>
    items.map((li) => li.innerText.replace(/\s+/g, ' ').trim().split(' #')[0]));
  assert.deepEqual(steps.map((s) => s.replace(/ (Chat|No contact).*$/, '')), [
    'On call now Mei',
    'Secondary on call now Quinn',
    'Primary owner Ana',
    'Secondary owner Ola',
  ]);
  await context.close();
});

test('the layered Now view is accessible at phone and desktop sizes, light and dark', { timeout: TEST_LIMIT_MS }, async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/', BEFORE_EMEA, '[data-testid="layers-now"]', { clock: 'fixed' });
  await injectAxe(page);
  const overflow = async (variant) => {
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    return wide ? [`${variant}: the page scrolls sideways`] : [];
  };
  assert.deepEqual(await auditEverywhere(page, overflow), []);
  await context.close();
});

test('the schedule shows every layer in each week, at phone width without sideways scrolling', { timeout: TEST_LIMIT_MS }, async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await openAt(context, site.url + '/schedule?week=2026-W50&weeks=2', BEFORE_EMEA, 'tr[data-week]', { clock: 'fixed' });
  const rows = await page.locator('tr[data-week]').evaluateAll((trs) => trs.map((tr) => ({
    week: tr.dataset.week,
    own: tr.querySelector('td.on-call').firstChild.textContent + tr.querySelector('td.on-call a').textContent,
    layers: [...tr.querySelectorAll('.week-layers li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim()),
  })));
  // A row is the team rotation's week: 2026-W50 from Monday 7 December 11:00 EST (16:00 UTC)
  // is shift 48 of every weekly layer (the first person), 2026-W51 shift 49. EMEA and APAC
  // hand over earlier on Mondays (08:00 and 00:00 UTC), inside the row: both their people.
  assert.deepEqual(rows, [
    { week: '2026-W50', own: 'Americas: Ana', layers: ['EMEA (primary): Ola, Tom', 'APAC (primary): Mei, Raj', 'Secondary (secondary): Quinn', 'Shadow (shadow): Sam'] },
    { week: '2026-W51', own: 'Americas: Ben', layers: ['EMEA (primary): Tom, Ola', 'APAC (primary): Raj, Mei', 'Secondary (secondary): Rosa', 'Shadow (shadow): Sam'] },
  ]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the schedule scrolls sideways by ${overflow} px`);
  await injectAxe(page);
  assert.deepEqual(await auditEverywhere(page), []);
  await context.close();
});
