// Small layout faults seen on a phone and a desktop (issue 20, item 7): quarter names on one
// line, the fairness page grouped by engineer on a phone, the feed address whole, the CSV
// caption beside its button, and the what-if form reachable from the top of the schedule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const SIZES = { phone: PHONE, desktop: DESKTOP };
const SMALL_PHONE = { viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true };

/** Whether the element `locator` names is on one line of text. */
const oneLine = (locator) => locator.evaluate((el) => {
  const range = document.createRange();
  range.selectNodeContents(el);
  return range.getClientRects().length === 1;
});

test('on a desktop, every quarter and year of the fairness table is on one line', async () => {
  const context = await site.browser.newContext(DESKTOP);
  const page = await openAt(context, `${site.url}/fairness?year=2026`, NY.thanksgiving, '.fairness');
  const periods = await page.locator('.fairness td.period').all();
  assert.equal(periods.length, 20);
  for (const period of periods) assert.ok(await oneLine(period), `${await period.innerText()} on one line`);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('on a phone, the fairness page shows each engineer\'s year first, quarters folded until asked for', async () => {
  const context = await site.browser.newContext(PHONE);
  const page = await openAt(context, `${site.url}/fairness?year=2026`, NY.thanksgiving, '.fairness');
  const visible = () => page.locator('.fairness tr[data-period]:visible').evaluateAll((rows) =>
    rows.map((r) => `${r.dataset.engineer} ${r.dataset.period}`));
  assert.deepEqual(await visible(), ['alice 2026', 'bob 2026', 'charlie 2026', 'diana 2026']);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 2000, `the page is ${height}px tall`);
  const bob = page.locator('tbody[data-engineer="bob"]').getByRole('button', { name: /^Quarters/ });
  assert.equal(await bob.getAttribute('aria-expanded'), 'false');
  await bob.tap();
  assert.equal(await bob.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await visible(), [
    'alice 2026', 'bob 2026', 'bob 2026-Q1', 'bob 2026-Q2', 'bob 2026-Q3', 'bob 2026-Q4', 'charlie 2026', 'diana 2026',
  ]);
  // On a desktop there is nothing to fold.
  await page.setViewportSize(DESKTOP.viewport);
  assert.equal(await page.locator('.fairness tr[data-period]:visible').count(), 20);
  assert.equal(await page.getByRole('button', { name: /^Quarters/ }).count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a preview that changes a quarter shows it unfolded', async () => {
  const context = await site.browser.newContext(PHONE);
  // Bob away in his week 2026-W18: Charlie covers it and Bob takes 2026-W19, both in Q2.
  const page = await openAt(context, `${site.url}/fairness?year=2026&leave=bob:2026-04-29..2026-04-30`, NY.thanksgiving, '.fairness');
  assert.ok(await page.locator('tr[data-engineer="bob"][data-period="2026-Q2"]').isVisible());
  assert.deepEqual(page.problems, []);
  await context.close();
});

for (const [size, options] of Object.entries({ 'small phone': SMALL_PHONE, ...SIZES })) {
  test(`the calendar feed address is shown whole at ${size} width`, async () => {
    const context = await site.browser.newContext(options);
    const page = await openAt(context, `${site.url}/people/charlie`, NY.thanksgiving, 'section.calendar-subscribe');
    const field = page.getByTestId('feed-url');
    assert.equal(await field.inputValue(), `${site.url}/calendar/charlie.ics`);
    const [scroll, client] = await field.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    assert.ok(scroll <= client, `nothing cut off sideways (${scroll} > ${client})`);
    const [scrollHeight, clientHeight] = await field.evaluate((el) => [el.scrollHeight, el.clientHeight]);
    assert.ok(scrollHeight <= clientHeight, `nor below (${scrollHeight} > ${clientHeight})`);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

for (const [size, options] of Object.entries(SIZES)) {
  test(`"Download CSV" has what the file holds beside it at ${size} width`, async () => {
    const context = await site.browser.newContext(options);
    const page = await openAt(context, `${site.url}/fairness?year=2026`, NY.thanksgiving, '.fairness');
    const button = await page.getByRole('link', { name: 'Download CSV' }).boundingBox();
    const caption = await page.locator('.download span').boundingBox();
    assert.ok(caption.x >= button.x + button.width, `beside the button (caption at x ${caption.x}, button ends at ${button.x + button.width})`);
    assert.ok(caption.y < button.y + button.height, 'not under it');
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test(`the schedule links its "What if…" form from the top at ${size} width`, async () => {
    const context = await site.browser.newContext(options);
    const page = await openAt(context, `${site.url}/schedule?week=2026-W48&weeks=12`, NY.thanksgiving, 'tr[data-week]');
    const link = page.getByRole('link', { name: 'Plan leave…' });
    const box = await link.boundingBox();
    assert.ok(box.y + box.height <= options.viewport.height, `on the first screen (at ${box.y}px)`);
    await link.click();
    await page.waitForFunction(() => {
      const form = document.getElementById('what-if')?.getBoundingClientRect();
      return form && form.top >= 0 && form.top < window.innerHeight;
    });
    assert.match(page.url(), /\/schedule\?week=2026-W48&weeks=12#what-if$/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
