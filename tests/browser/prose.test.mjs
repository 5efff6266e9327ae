// Runbooks and descriptions are not in the first load (issue 11): the build writes them to
// text/ files named by their content, and the pages that show them fetch them. A fetch that
// fails says so and can be retried; search works on titles at once and on the text once fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);
const runbooks = JSON.parse(readFileSync(join(ROOT, 'data/runbooks.json'), 'utf8'));
const profit = runbooks.find((r) => r.pipeline === 'aggregate-profit');
const drift = profit.failure_points.find((f) => f.slug === 'schema-drift');

test('the wasm holds no runbook text; the text files hold it, named by their content', () => {
  const wasm = readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  const bytes = readFileSync(join(DIST, wasm)).toString('latin1');
  for (const sentence of [profit.summary, drift.description]) {
    assert.ok(!bytes.includes(sentence), `the wasm contains "${sentence}"`);
  }
  assert.ok(bytes.includes(drift.title), 'titles stay in the wasm, for lists and search');
  const files = readdirSync(join(DIST, 'text/pipelines'));
  const file = files.find((f) => /^aggregate-profit-[0-9a-f]{16}\.txt$/.test(f));
  assert.ok(file, `aggregate-profit's file among ${files}`);
  const text = readFileSync(join(DIST, 'text/pipelines', file), 'utf8');
  assert.ok(text.includes(drift.description));
});

test('a runbook fetches its text once, and opens at the linked failure point', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/runbooks/aggregate-profit#schema-drift', NY.thanksgiving, '#schema-drift.targeted');
  const article = page.locator('#schema-drift');
  assert.match(await article.innerText(), new RegExp(drift.description.slice(0, 40)));
  assert.match(await page.locator('main').innerText(), new RegExp(profit.summary.slice(0, 40)));
  assert.ok(await article.evaluate((el) => el.getBoundingClientRect().top < innerHeight), 'in view after the text arrived');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a text that cannot be fetched says why and can be tried again', async () => {
  // No service worker: it would answer from its cache, which is the point of it, not of this test.
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const page = await openAt(context, site.url + '/pipelines', NY.thanksgiving, 'tr[data-pipeline]');
  const file = /\/text\/pipelines\/aggregate-profit-/;
  await context.route(file, (route) => route.abort('internetdisconnected'));
  await page.locator('main a[href$="/pipelines/aggregate-profit"]').click();
  const alert = page.locator('main [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /The description could not be loaded: .*offline/);
  // Whom to call does not depend on the text.
  assert.equal(await page.getByTestId('escalation').count(), 1);
  await context.unroute(file);
  await alert.getByRole('button', { name: 'Try again' }).click();
  const pipelines = JSON.parse(readFileSync(join(ROOT, 'data/pipelines.json'), 'utf8'));
  const description = pipelines.find((p) => p.slug === 'aggregate-profit').description;
  await page.getByText(description.slice(0, 40)).waitFor();
  assert.equal(await alert.count(), 0);
  // The only problem is the fetch that was made to fail.
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
  await context.close();
});

test('search finds titles before the text arrives, says so, and finds the text after', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(/\/text\/search-/, async (route) => { await held; await route.continue(); });
  const page = await openAt(context, site.url + '/pipelines', NY.thanksgiving, 'tr[data-pipeline]');
  const box = page.getByRole('searchbox');
  await box.fill('schema');
  await page.locator('#search-results li').first().waitFor();
  assert.deepEqual(await page.locator('#search-results .result-title').allInnerTexts(), ['Schema Drift']);
  await box.fill('utc local');
  await page.locator('#search-results .no-results').waitFor();
  assert.match(await page.locator('#search-results').innerText(), /Still fetching the runbooks' text/);
  release();
  await page.locator('#search-results li').first().waitFor();
  assert.deepEqual(await page.locator('#search-results .result-title').allInnerTexts(), ['Incorrect Time Windows']);
  assert.equal(await page.locator('.search-note').count(), 0);
  await context.close();
});

test('search without the text says so, and tries again the next time the box is used', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const page = await openAt(context, site.url + '/pipelines', NY.thanksgiving, 'tr[data-pipeline]');
  const file = /\/text\/search-/;
  await context.route(file, (route) => route.abort('internetdisconnected'));
  const box = page.getByRole('searchbox');
  await box.fill('utc local');
  await page.locator('.search-note').filter({ hasText: 'could not be loaded' }).waitFor();
  assert.match(await page.locator('.search-note').innerText(),
    /^Only titles and names were searched; the runbooks' text could not be loaded: you seem to be offline/);
  await context.unroute(file);
  await box.blur();
  await box.focus();
  await page.locator('#search-results li').first().waitFor();
  assert.deepEqual(await page.locator('#search-results .result-title').allInnerTexts(), ['Incorrect Time Windows']);
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
  await context.close();
});
