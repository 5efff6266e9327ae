// A what-if preview survives moving around the site: every menu link carries it until "Show the
// real schedule", and the banner offers the fairness numbers with the preview (issue 20, item 3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);
const LEAVE = 'leave=bob:2026-12-21..2027-01-03';
const MENU = ['Now', 'Schedule', 'Pipelines', 'Runbooks', 'People', 'Fairness'];

/** The href of each menu link, in order. */
const menuLinks = (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link').evaluateAll(
  (links) => links.map((a) => a.getAttribute('href')));

test('while a preview is on, the menu carries it; "Show the real schedule" leaves it', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, `${site.url}/schedule?week=2026-W51&weeks=4&${LEAVE}`, NY.thanksgiving, 'tr[data-week]');
  const hrefs = await menuLinks(page);
  assert.equal(hrefs.length, MENU.length);
  for (const href of hrefs) assert.ok(href.endsWith(`?${LEAVE}`), `${href} carries the preview`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fairness' }).click();
  await page.waitForURL(/\/fairness\?leave=bob/);
  await page.locator('.preview-banner').waitFor();
  assert.ok(await page.locator('.fairness .changed-cell').count() > 0, 'the fairness numbers are the preview\'s');
  // Leaving the preview: the menu is plain again.
  await page.getByRole('link', { name: 'Show the real schedule' }).click();
  await page.waitForURL((url) => !url.search.includes('leave='));
  await page.waitForFunction(() => ![...document.querySelectorAll('nav.site-nav a')].some((a) => a.href.includes('leave=')));
  assert.equal(await page.locator('.preview-banner').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the banner offers "Fairness with this preview", in the year the preview starts', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, `${site.url}/people/bob?${LEAVE}`, NY.thanksgiving, '.preview-banner');
  const link = page.locator('.preview-banner').getByRole('link', { name: 'Fairness with this preview' });
  assert.equal(await link.getAttribute('href'), `/fairness?year=2026&${LEAVE}`);
  await link.click();
  await page.waitForURL(/\/fairness\?year=2026&leave=bob/);
  await page.locator('.fairness .changed-cell').first().waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Fairness in 2026');
  assert.equal(await page.locator('.preview-banner').getByRole('link', { name: 'Fairness with this preview' }).count(), 0,
    'not on the fairness page itself');
  assert.deepEqual(page.problems, []);
  await context.close();
});
