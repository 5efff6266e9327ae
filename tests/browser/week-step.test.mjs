// A week step moves the schedule's rows instead of rebuilding the page (issue 18): a
// MutationObserver on the table counts what changes, and the page's frame keeps its elements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, scheduleRows, NY } from './support.mjs';

const site = useSite(before, after);

/** Starts recording every change under the table's body (rows, their text and attributes). */
async function watchRows(page) {
  await page.evaluate(() => {
    const body = document.querySelector('table.weeks tbody');
    window.watchedBody = body;
    window.rowChanges = [];
    const rowOf = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest('tr')?.dataset.week;
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.target === body) {
          for (const n of r.addedNodes) window.rowChanges.push(`added ${n.dataset?.week ?? n.nodeName}`);
          for (const n of r.removedNodes) window.rowChanges.push(`removed ${n.dataset?.week ?? n.nodeName}`);
        } else {
          window.rowChanges.push(`${r.type}${r.attributeName ? ` ${r.attributeName}` : ''} in ${rowOf(r.target)}`);
        }
      }
    }).observe(body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** What changed since the last call, sorted; a table body taken out of the page is a change too. */
const rowChanges = (page) => page.evaluate(() => {
  const replaced = window.watchedBody.isConnected ? [] : ['table body replaced'];
  return [...replaced, ...window.rowChanges.splice(0)].sort();
});

/** Marks the page's frame, so a test can tell a kept element from a rebuilt one. */
const markFrame = (page) => page.evaluate(() => {
  for (const selector of ['main h1', 'nav.week-picker', 'table.weeks', '#pick-year']) document.querySelector(selector).kept = true;
});
const frameKept = (page) => page.evaluate(() =>
  ['main h1', 'nav.week-picker', 'table.weeks', '#pick-year'].filter((s) => !document.querySelector(s)?.kept));

/** Counts `<option>`s the picker's selects gain or lose from now on. */
const watchOptions = (page) => page.evaluate(() => {
  window.optionChanges = 0;
  new MutationObserver((records) => {
    for (const r of records) for (const n of [...r.addedNodes, ...r.removedNodes]) if (n.nodeName === 'OPTION') window.optionChanges++;
  }).observe(document.querySelector('nav.week-picker'), { subtree: true, childList: true });
});

test('a week step adds the row that enters and removes the row that leaves, nothing else', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule?week=2026-W48&weeks=12', NY.thanksgiving, 'tr[data-week]', { clock: 'paused' });
  await markFrame(page);
  await watchRows(page);
  await watchOptions(page);

  await page.getByRole('link', { name: 'Next week →' }).click();
  await page.locator('tr[data-week="2027-W07"]').waitFor();
  assert.deepEqual(await rowChanges(page), ['added 2027-W07', 'removed 2026-W48']);
  assert.deepEqual((await scheduleRows(page)).map((r) => r[0]).slice(0, 2), ['2026-W49', '2026-W50']);
  assert.equal(await page.locator('main h1').innerText(), 'Schedule: 2026-W49 to 2027-W07');
  assert.deepEqual(await frameKept(page), [], 'heading, picker and table keep their elements');
  // The picker follows the step in place.
  assert.equal(await page.getByLabel('Week', { exact: true }).inputValue(), '49');
  assert.equal(await page.evaluate(() => window.optionChanges), 0, 'a step within the year keeps the picker\'s options');
  assert.match(await page.getByRole('link', { name: '← Previous week' }).getAttribute('href'), /week=2026-W48&weeks=12/);

  // The arrow keys step too, from the week shown now (their listener is not re-registered).
  await page.keyboard.press('ArrowLeft');
  await page.locator('tr[data-week="2026-W48"]').waitFor();
  assert.deepEqual(await rowChanges(page), ['added 2026-W48', 'removed 2027-W07']);
  assert.match(page.url(), /week=2026-W48&weeks=12/);
  assert.equal(await page.locator('tr.now').getAttribute('data-week'), '2026-W48', 'the week entering is highlighted');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('at the handoff only the highlight moves', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule?week=2026-W48&weeks=12', NY.beforeHandoff, 'tr.now', { clock: 'paused' });
  assert.equal(await page.locator('tr.now').getAttribute('data-week'), '2026-W48');
  await watchRows(page);
  await page.clock.fastForward('02:00'); // Monday 09:01: 2026-W49 begins
  await page.locator('tr.now[data-week="2026-W49"]').waitFor();
  const changes = await rowChanges(page);
  assert.deepEqual([...new Set(changes)], ['attributes class in 2026-W48', 'attributes class in 2026-W49', 'childList in 2026-W48', 'childList in 2026-W49']);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a preview from the form keeps the frame and marks the rows it changes', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule?week=2026-W48&weeks=4', NY.thanksgiving, 'tr[data-week]', { clock: 'paused' });
  await markFrame(page);
  await page.getByLabel('Engineer', { exact: true }).selectOption('bob');
  await page.getByLabel('From', { exact: true }).fill('2026-12-07');
  await page.getByLabel('To', { exact: true }).fill('2026-12-11');
  await page.getByLabel('To', { exact: true }).press('Enter');
  await page.waitForURL(/leave=bob/);
  await page.locator('tr.changed').first().waitFor();
  assert.match(await page.locator('tr[data-week="2026-W50"]').innerText(), /Changed by the preview \(really Bob\)/);
  assert.deepEqual(await frameKept(page), []);
  // Leaving the preview puts the real weeks back.
  await page.goBack();
  await page.waitForURL((url) => !url.search.includes('leave='));
  await page.locator('tr.changed').first().waitFor({ state: 'detached' });
  assert.deepEqual(await frameKept(page), []);
  assert.deepEqual(page.problems, []);
  await context.close();
});
