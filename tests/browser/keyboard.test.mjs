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
