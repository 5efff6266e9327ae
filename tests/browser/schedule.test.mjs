// The schedule: deep links, the week picker, 167/169-hour weeks and what-if previews.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, scheduleRows, NY } from './support.mjs';

const site = useSite(before, after);

test('a schedule link opens the weeks it names, swaps and conflicts applied', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule?week=2026-W48&weeks=6', NY.thanksgiving, 'tr[data-week]');
  assert.deepEqual(await scheduleRows(page), [
    ['2026-W48', 'alice'], ['2026-W49', 'diana'], ['2026-W50', 'bob'],
    ['2026-W51', 'charlie'], ['2026-W52', 'diana'], ['2026-W53', 'bob'],
  ]);
  const w52 = page.locator('tr[data-week="2026-W52"]');
  assert.match(await w52.innerText(), /conflict[\s\S]*Christmas Day[\s\S]*2026-W53 holds New Year's Day/);
  assert.match(await page.locator('tr[data-week="2026-W48"]').innerText(), /now[\s\S]*instead of Diana/);
  assert.equal(await page.title(), 'Schedule: 2026-W48 to 2026-W53 · rota');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the schedule ends where it says, ten years ahead, and the picker stops there', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule?week=2036-W50&weeks=12', NY.thanksgiving, 'tr[data-week]', { clock: 'paused' });
  assert.deepEqual((await scheduleRows(page)).map((r) => r[0]), ['2036-W50', '2036-W51', '2036-W52']);
  assert.equal(await page.locator('main h1').innerText(), 'Schedule: 2036-W50 to 2036-W52');
  assert.match(await page.locator('main .hint').filter({ hasText: 'The schedule covers' }).innerText(), /The schedule covers 2026-W01 to 2036-W52\./);
  await page.getByRole('link', { name: 'Next week →' }).click();
  await page.waitForURL(/week=2036-W51&weeks=12/);
  await page.getByRole('link', { name: 'Next week →' }).click();
  await page.waitForURL(/week=2036-W52&weeks=12/);
  await page.locator('tr[data-week="2036-W52"]').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Next week →' }).count(), 0, 'no step past the end');
  assert.equal(await page.locator('.steps [aria-disabled="true"]', { hasText: 'Next week →' }).count(), 1);
  const years = await page.getByLabel('Year').locator('option').allInnerTexts();
  assert.deepEqual([years[0], years.at(-1)], ['2026', '2036']);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('daylight-saving weeks show their length', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule?week=2026-W10&weeks=1', NY.thanksgiving, 'tr[data-week]');
  assert.match(await page.locator('tr[data-week="2026-W10"]').innerText(), /167 h/);
  await page.goto(site.url + '/schedule?week=2026-W44&weeks=2');
  await page.locator('tr[data-week="2026-W44"]').waitFor();
  assert.match(await page.locator('tr[data-week="2026-W44"]').innerText(), /169 h/);
  assert.doesNotMatch(await page.locator('tr[data-week="2026-W45"]').innerText(), / h\b/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the week picker steps, jumps to any ISO week and back to today, keeping the URL in step', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule', NY.thanksgiving, 'tr[data-week]');
  const firstWeek = async () => (await scheduleRows(page))[0][0];
  assert.equal(await firstWeek(), '2026-W48', 'opens at the current week');
  assert.equal((await scheduleRows(page)).length, 12);

  await page.getByRole('link', { name: 'Next week →' }).click();
  await page.waitForURL(/week=2026-W49&weeks=12/);
  assert.equal(await firstWeek(), '2026-W49');
  await page.getByRole('link', { name: '← Previous week' }).click();
  await page.waitForURL(/week=2026-W48&weeks=12/);
  assert.equal(await firstWeek(), '2026-W48');

  await page.getByLabel('Year').selectOption('2027');
  await page.getByLabel('Week', { exact: true }).selectOption('10');
  await page.getByLabel('Show').selectOption('4');
  await page.getByRole('button', { name: 'Go' }).click();
  await page.waitForURL(/week=2027-W10&weeks=4/);
  assert.deepEqual((await scheduleRows(page)).map((r) => r[0]), ['2027-W10', '2027-W11', '2027-W12', '2027-W13']);

  // The copied link opens the same view in a fresh page.
  const copy = await context.newPage();
  await copy.goto(page.url());
  await copy.locator('tr[data-week="2027-W10"]').waitFor();
  assert.equal(await copy.locator('tr[data-week]').count(), 4);

  await page.getByRole('link', { name: 'This week' }).click();
  await page.waitForURL(/week=2026-W48&weeks=4/);
  assert.equal(await firstWeek(), '2026-W48');
  await page.goBack();
  await page.waitForURL(/week=2027-W10/);
  assert.equal(await firstWeek(), '2027-W10', 'back goes to the previous selection');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the week picker is usable with the keyboard alone', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule?week=2026-W48&weeks=4', NY.thanksgiving, 'tr[data-week]');
  await page.getByRole('link', { name: 'Next week →' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/week=2026-W49/);
  await page.getByLabel('Year').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'week');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a what-if link previews extra leave, marks the changes and stays shareable', async () => {
  const context = await site.browser.newContext();
  // Alice (Diana's backup) on leave in Thanksgiving week: the swap cannot happen.
  const url = '/schedule?week=2026-W48&weeks=3&leave=alice:2026-11-23..2026-11-27';
  const page = await openAt(context, site.url + url, NY.thanksgiving, 'tr[data-week]');
  assert.match(await page.locator('.preview-banner').innerText(), /Preview — not the real schedule[\s\S]*Alice on leave 2026-11-23 to 2026-11-27/);
  assert.deepEqual(await scheduleRows(page), [['2026-W48', 'diana'], ['2026-W49', 'alice'], ['2026-W50', 'bob']]);
  const w48 = page.locator('tr[data-week="2026-W48"]');
  assert.match(await w48.getAttribute('class'), /changed/);
  assert.match(await w48.innerText(), /Changed by the preview \(really Alice\)[\s\S]*on leave/);
  // Stepping keeps the preview in the link.
  await page.getByRole('link', { name: 'Next week →' }).click();
  await page.waitForURL(/week=2026-W49&weeks=3&leave=alice:2026-11-23..2026-11-27/);
  await page.getByRole('link', { name: 'Show the real schedule' }).click();
  await page.waitForURL((u) => !u.search.includes('leave='));
  assert.equal(await page.locator('.preview-banner').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('keep= declines a swap in the preview, on the schedule and on the Now view', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule?week=2026-W48&weeks=2&keep=2026-W48', NY.thanksgiving, 'tr[data-week]');
  assert.deepEqual(await scheduleRows(page), [['2026-W48', 'diana'], ['2026-W49', 'alice']]);
  assert.match(await page.locator('tr[data-week="2026-W48"]').innerText(), /declined/);
  await page.goto(site.url + '/?keep=2026-W48');
  await page.getByTestId('on-call-now').filter({ hasText: 'Diana' }).waitFor();
  assert.equal(await page.locator('.preview-banner').count(), 1);
  assert.equal(await page.locator('.now .changed-badge').innerText(), 'Changed by the preview (really Alice)');
  assert.deepEqual(page.problems, []);
  await context.close();
});
