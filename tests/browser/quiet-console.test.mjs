// No page logs a warning or an error (issue 18): every route kind of the single team and of
// the example organisation, opened cold, then left to finish what it fetches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DIST, ROOT, launchBrowser, startServer, newPage, waitForApp, NY } from './support.mjs';

const site = {};
before(async () => {
  site.team = await startServer(DIST);
  site.org = await startServer(join(ROOT, 'target/dist-org'));
  site.browser = await launchBrowser();
});
after(async () => {
  await site.browser?.close();
  await site.team?.close();
  await site.org?.close();
});

const TEAM_ROUTES = [
  ['/', 'main h1'],
  ['/schedule', 'tr[data-week]'],
  ['/schedule?week=2027-W10&weeks=4&leave=alice:2027-03-22..2027-03-26', 'tr.changed'],
  ['/pipelines', 'tr[data-pipeline]'],
  ['/pipelines/aggregate-profit', 'main h1'],
  ['/runbooks', 'main h1'],
  ['/runbooks/aggregate-profit#data-latency', '#data-latency'],
  ['/people', 'main h1'],
  ['/people/alice', 'tr[data-week]'],
  ['/fairness', 'main h1'],
  ['/schedule?week=2099-W01', 'main h1'],
  ['/no-such-page', 'main h1'],
];
const ORG_ROUTES = [
  ['/', '[data-testid="team-on-call"]'],
  ['/teams/payments/', 'main h1'],
  ['/teams/payments/schedule', 'tr[data-week]'],
  ['/people/alice', 'main h1'],
  ['/schedule', 'main h1'],
];

/** Opens `url` cold and returns every warning and error the page logged while loading and settling. */
async function messagesOf(url, selector) {
  const context = await site.browser.newContext();
  const page = await newPage(context);
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(`warning: ${msg.text()}`);
  });
  await page.clock.install({ time: new Date(NY.thanksgiving) });
  await page.goto(url);
  await waitForApp(page, selector);
  // Let the app settle: what it fetches on demand arrives, then one more frame.
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
  await context.close();
  // Errors, uncaught exceptions and failed requests: recorded by `newPage`.
  return [...warnings, ...page.problems];
}

test('no route of the single team logs a warning or an error', async () => {
  for (const [path, selector] of TEAM_ROUTES) {
    assert.deepEqual(await messagesOf(site.team.url + path, selector), [], path);
  }
});

test('no route of the organisation logs a warning or an error', async () => {
  for (const [path, selector] of ORG_ROUTES) {
    assert.deepEqual(await messagesOf(site.org.url + path, selector), [], path);
  }
});
