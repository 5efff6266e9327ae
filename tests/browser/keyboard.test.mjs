// Keyboard and screen-reader flow between pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

test('after a route change focus moves to the new page\'s heading', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/', NY.thanksgiving, '[data-testid="on-call-now"]');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipelines' }).click();
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Pipelines and owners');
  // The heading is focusable by script, not a tab stop of its own.
  assert.equal(await page.locator('main h1').getAttribute('tabindex'), '-1');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the week picker keeps the week when the year changes, applies on Enter, and ← → step weeks', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule?week=2026-W48&weeks=12', NY.thanksgiving, 'tr[data-week]');
  await page.locator('#pick-year').selectOption('2027');
  assert.equal(await page.locator('#pick-week').inputValue(), '48', 'still W48, in 2027');
  await page.locator('#pick-week').selectOption('50');
  await page.locator('#pick-week').press('Enter');
  await page.waitForURL(/week=2027-W50&weeks=12/);

  await page.locator('main h1').click(); // out of the form fields
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/week=2027-W51&weeks=12/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(/week=2027-W49&weeks=12/);
  // Arrows inside a field keep their usual meaning.
  await page.locator('#pick-count').focus();
  await page.keyboard.press('ArrowRight');
  assert.match(page.url(), /week=2027-W49/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('↓ and ↑ walk the search results, Escape closes them', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/', NY.thanksgiving, '[data-testid="on-call-now"]');
  const box = page.getByRole('searchbox');
  await box.fill('growth');
  const results = page.locator('#search-results a');
  await results.first().waitFor();
  assert.ok((await results.count()) >= 2);
  const focused = () => page.evaluate(() => document.activeElement.textContent);
  await box.press('ArrowDown');
  assert.equal(await focused(), await results.nth(0).textContent());
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), await results.nth(1).textContent());
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input', 'back in the box');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#search-results').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('on a phone the header and week picker leave the schedule on the first screen', async () => {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await openAt(context, site.url + '/schedule?week=2026-W48&weeks=12', NY.thanksgiving, 'tr[data-week]');
  const header = await page.locator('header.site-header').boundingBox();
  const row = await page.locator('tr[data-week]').first().boundingBox();
  // Measured before: a 149 px header and the first week at 606 px of 740.
  assert.ok(header.height <= 100, `header ${header.height}px`);
  assert.ok(row.y <= 0.6 * 740, `first week at ${row.y}px`);
  assert.deepEqual(page.problems, []);
  await context.close();
});
