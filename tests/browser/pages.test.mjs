// Pipelines, runbooks (deep links to failure points), people and fairness.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

test('pipelines are grouped by business area with their owners', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/pipelines', NY.thanksgiving, 'tr[data-pipeline]');
  const areas = await page.locator('tr.area').allInnerTexts();
  assert.deepEqual(areas.map((a) => a.trim()), ['Profit', 'Growth', 'Engagement']);
  const rows = await page.locator('tr[data-pipeline]').evaluateAll((rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
  assert.deepEqual(rows, [
    'Profit for experiments Alice Bob',
    'Aggregate Profit investor Bob Charlie Runbook',
    'Aggregate Growth investor Charlie Diana Runbook',
    'Daily Growth for experiments Diana Alice',
    'Aggregate Engagement investor Alice Bob Runbook',
  ]);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a pipeline page says whom to call now and lists its runbook', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/pipelines/aggregate-profit', NY.thanksgiving);
  const text = await page.locator('main').innerText();
  assert.match(text, /Who to call, in order\s+On call now Alice[\s\S]*Primary owner Bob[\s\S]*Secondary owner Charlie/);
  assert.equal(await page.locator('main .link-list li').count(), 5);
  await page.getByRole('link', { name: 'Schema Drift' }).click();
  await page.waitForURL(/\/runbooks\/aggregate-profit#schema-drift$/);
  await page.locator('#schema-drift.targeted').waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a cold deep link to a failure point opens scrolled to it, highlighted and focused', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 700 } });
  const page = await openAt(context, site.url + '/runbooks/aggregate-engagement#data-dropping', NY.thanksgiving, '#data-dropping');
  await page.locator('#data-dropping.targeted').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'data-dropping');
  const box = await page.locator('#data-dropping').boundingBox();
  assert.ok(box.y >= 0 && box.y < 700, `the failure point is in view (y=${box.y})`);
  assert.equal(await page.locator('.failure-point.targeted').count(), 1);
  assert.equal(await page.title(), 'Aggregate Engagement runbook · rota');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('every failure point has a copy-link button that copies its deep link', async () => {
  const context = await site.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await openAt(context, site.url + '/runbooks/aggregate-growth', NY.thanksgiving, '.failure-point');
  assert.equal(await page.getByRole('button', { name: /^Copy link to / }).count(), 5);
  await page.getByRole('button', { name: 'Copy link to Duplicate User IDs' }).click();
  await page.locator('#duplicate-user-ids .copy-status', { hasText: 'Link copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, site.url + '/runbooks/aggregate-growth#duplicate-user-ids');
  assert.deepEqual(page.problems, []);
  await context.close();
});

// Plain-HTTP intranets have no navigator.clipboard; a browser may also refuse to copy.
const clipboards = {
  'no clipboard (plain HTTP)': () => { delete Navigator.prototype.clipboard; },
  'a clipboard that refuses': () => {
    Object.defineProperty(Navigator.prototype, 'clipboard', {
      get: () => ({ writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) }),
    });
  },
};
for (const [name, setup] of Object.entries(clipboards)) {
  test(`copy link with ${name} shows the link selected, ready to copy`, async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(setup);
    const page = await openAt(context, site.url + '/runbooks/aggregate-growth', NY.thanksgiving, '.failure-point', { clock: 'paused' });
    await page.getByRole('button', { name: 'Copy link to Duplicate User IDs' }).click();
    const point = page.locator('#duplicate-user-ids');
    await point.getByRole('status').filter({ hasText: 'Copy this link:' }).waitFor();
    const field = point.getByRole('textbox', { name: 'Link to copy' });
    assert.equal(await field.isVisible(), true);
    const link = site.url + '/runbooks/aggregate-growth#duplicate-user-ids';
    assert.equal(await field.inputValue(), link);
    const selection = await field.evaluate((f) => [document.activeElement === f, f.readOnly, f.selectionStart, f.selectionEnd]);
    assert.deepEqual(selection, [true, true, 0, link.length], 'focused, read-only, all selected');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('a person page lists pipelines, upcoming weeks with swaps, fairness and the calendar feed', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/people/diana', NY.thanksgiving, 'tr[data-week]');
  const text = await page.locator('main').innerText();
  assert.match(text, /Aggregate Growth \(secondary\)/);
  assert.match(text, /Daily Growth \(primary\)/);
  assert.match(text, /Backup for holiday weeks\s+Alice/);
  // Only the weeks Diana is actually on call; her Thanksgiving week, which Alice covers, is
  // listed apart, once.
  const weeks = await page.locator('tr[data-week]').evaluateAll((rows) => rows.map((r) => r.dataset.week));
  assert.deepEqual(weeks.slice(0, 2), ['2026-W49', '2026-W52']);
  assert.equal(await page.locator('tr[data-week="2026-W49"]').getAttribute('data-on-call'), 'diana');
  assert.equal(await page.getByTestId('next-on-call').innerText(), 'Next on call: Mon 30 Nov 2026, 09:00 EST (in 4 days)');
  assert.match(
    await page.getByTestId('given-away').innerText(),
    /^2026-W48: Alice, covering this holiday week; you take 2026-W49 in return$/m,
  );
  const subscribe = await page.getByRole('link', { name: "Subscribe to Diana's on-call calendar" }).getAttribute('href');
  assert.equal(subscribe, site.url.replace('http://', 'webcal://') + '/calendar/diana.ics');
  const download = await page.getByRole('link', { name: 'download the .ics file' }).evaluate((a) => a.href);
  const feed = await page.request.get(download);
  assert.equal(feed.status(), 200);
  assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n[\s\S]*SUMMARY:On call: Diana/);
  assert.equal(await page.locator('.fairness tr[data-engineer="diana"]').count(), 5);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a person on call now sees until when, and the weeks others hold for them, each once', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/people/alice', NY.thanksgiving, '[data-testid="next-on-call"]');
  assert.equal(await page.getByTestId('next-on-call').innerText(), 'On call now, until Mon 30 Nov 2026, 09:00 EST');
  const weeks = await page.locator('tr[data-week]').evaluateAll((rows) => rows.map((r) => r.dataset.onCall));
  assert.ok(weeks.every((who) => who === 'alice'), `only Alice's weeks: ${weeks}`);
  assert.deepEqual((await page.getByTestId('given-away').innerText()).split('\n').slice(0, 2), [
    '2026-W49: Diana, in return for covering 2026-W48',
    '2026-W53: Bob, covering this holiday week; you take 2027-W01 in return',
  ]);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the fairness ledger has every engineer per quarter and year, and steps through years', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/fairness?year=2026', NY.thanksgiving, '.fairness');
  assert.equal(await page.locator('.fairness tbody tr').count(), 20);
  const total = await page.locator('tr[data-engineer="alice"][data-period="2026"] td').allInnerTexts();
  assert.equal(total[0], '2026');
  assert.ok(Number(total[1]) >= 12 && Number(total[1]) <= 14, `Alice's weeks in 2026: ${total[1]}`);
  await page.getByRole('link', { name: '2027 →' }).click();
  await page.waitForURL(/year=2027/);
  await page.locator('tr[data-period="2027-Q1"]').first().waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});
