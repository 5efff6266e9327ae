// Runbooks to act on: the README's worked example (added to the later-deploy build) renders
// its first checks as numbered steps, keeps queries and commands verbatim, links web
// addresses, and names the pipeline on the card a deep link opens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openAt, useSites, DIST_V2, NY } from './support.mjs';

const site = useSites(before, after, { v2: DIST_V2 });

test('a worked example runbook reads as steps, with code kept verbatim and links', async () => {
  const context = await site.browser.newContext();
  const url = `${site.v2.url}/runbooks/example-orders#late-source-files`;
  const page = await openAt(context, url, NY.thanksgiving, '#late-source-files');
  const card = page.locator('#late-source-files');
  assert.match(await card.getAttribute('class'), /targeted/);
  assert.equal(await card.locator('.card-pipeline').innerText(), 'Example Orders');
  const steps = card.locator('ol.first-checks > li');
  assert.equal(await steps.count(), 3);
  assert.equal(
    await steps.nth(1).locator('pre code').innerText(),
    'SELECT count(*)\n  FROM orders_daily\n WHERE load_date = current_date;',
  );
  assert.equal(await steps.nth(1).locator('pre').getAttribute('data-language'), 'sql');
  assert.equal(await steps.nth(2).locator('code').innerText(), 'make load-orders DATE=today');
  const link = card.locator('ul.signals a');
  assert.equal(await link.getAttribute('href'), 'https://dashboards.example.com/orders');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.deepEqual(page.problems, []);
  await context.close();
});
