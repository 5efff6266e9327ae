// Fairness on a phone: every column readable at 360 px without sideways scrolling, with plain
// names, and a person's own table without their name on every row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

test('the fairness table fits a 360 px phone, every value labelled', async () => {
  const context = await site.browser.newContext(phone);
  const page = await openAt(context, `${site.url}/fairness?year=2026`, NY.thanksgiving, '.fairness');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
  const row = page.locator('tr[data-engineer="alice"][data-period="2026"]');
  // Each value carries its column's plain name, shown before it (CSS ::before) on a phone.
  const labels = await row.locator('td[data-label]').evaluateAll((cells) =>
    cells.map((c) => [c.dataset.label, getComputedStyle(c, '::before').content !== 'none']));
  assert.deepEqual(labels, [
    ['Weeks on call', true], ['Hours on call', true], ['Holiday weeks worked', true],
    ['Covered by others', true], ['Covered for others', true], ['Conflicts', true],
  ]);
  // Every cell lies within the screen.
  const right = await row.locator('td').evaluateAll((cells) => Math.max(...cells.map((c) => c.getBoundingClientRect().right)));
  assert.ok(right <= 360, `cells end at ${right}px`);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a person\'s own fairness table does not repeat their name on every row', async () => {
  const context = await site.browser.newContext(phone);
  const page = await openAt(context, `${site.url}/people/diana`, NY.thanksgiving, '.fairness');
  assert.equal(await page.locator('.fairness thead th').first().innerText(), 'Period');
  assert.equal(await page.locator('.fairness tbody').getByText('Diana', { exact: true }).count(), 0);
  assert.equal(await page.locator('.fairness tr[data-period="2026-Q4"] th').innerText(), '2026-Q4');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
  assert.deepEqual(page.problems, []);
  await context.close();
});
