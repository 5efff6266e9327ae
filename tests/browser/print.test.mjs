// Printing a quarter of the schedule: 13 weeks on one A4 page and on one Letter page, with the
// team, the print date and the time zone on it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

/** Pages in a PDF made by Chromium: one `/Type /Page` object each. */
const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

test('a quarter of weeks prints on one page, A4 and Letter, saying whose and in which zone', async () => {
  const context = await site.browser.newContext();
  // The busiest quarter of 2026: Thanksgiving and Christmas swaps, a conflict, New Year.
  const url = `${site.url}/schedule?week=2026-W41&weeks=13`;
  const page = await openAt(context, url, NY.thanksgiving, 'tr[data-week]');
  await page.emulateMedia({ media: 'print' });
  assert.equal(
    await page.getByTestId('print-header').innerText(),
    'Data Engineering · printed Thu 26 Nov 2026 · times in America/New_York',
  );
  assert.equal(await page.locator('tr[data-week]:visible').count(), 13);
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format });
    assert.equal(pages(pdf), 1, `${format}: ${pages(pdf)} pages`);
  }
  // On screen the print header stays out of the way.
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.getByTestId('print-header').isVisible(), false);
  assert.deepEqual(page.problems, []);
  await context.close();
});
