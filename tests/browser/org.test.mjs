// An organisation on one site (examples/org, built by scripts/test into target/dist-org as of
// 2026-11-29): Data Engineering (New York, Monday 09:00), Platform (New York, Monday 09:00) and
// Payments (London, Tuesday 10:00); Bob is in Data Engineering and Platform, and covers a day
// for Platform in his own Data Engineering week 2027-W05: a clash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { DIST, NY, ROOT, TEST_LIMIT_MS, launchBrowser, newPage, openAt, startServer, waitForApp } from './support.mjs';
import { SIZES, auditEverywhere, injectAxe } from './axe.mjs';

const DIST_ORG = join(ROOT, 'target/dist-org');

const site = {};
before(async () => {
  site.server = await startServer(DIST_ORG);
  site.url = site.server.url;
  site.browser = await launchBrowser();
});
after(async () => {
  await site.browser?.close();
  await site.server?.close();
});

// Payments hands over on Tuesdays at 10:00 London time (GMT in December): its week from Tue
// 1 Dec 2026 is Heidi's (week 48 of a rotation of three from Tue 30 Dec 2025), from Tue 8 Dec
// Ivan's. No UK bank holiday falls in either week.
const BEFORE_PAYMENTS_HANDOFF = '2026-12-08T09:59:00Z';

/** Who each team's card names, by team slug. */
async function onCallByTeam(page) {
  return page.locator('.org-team').evaluateAll((cards) =>
    Object.fromEntries(cards.map((c) => [c.dataset.team, c.querySelector('.on-call-name').innerText.trim()])));
}

test('the organisation front page: every team on call, before the wasm and after, through a handoff', { timeout: TEST_LIMIT_MS }, async () => {
  // Before the wasm: the build's table paints every team.
  const blocked = await site.browser.newContext();
  await blocked.route(/\.wasm$/, (route) => route.abort());
  const early = await blocked.newPage();
  await early.clock.setFixedTime(new Date(BEFORE_PAYMENTS_HANDOFF));
  await early.goto(site.url + '/');
  await early.locator('.org-team').first().waitFor();
  const painted = await onCallByTeam(early);
  assert.deepEqual(Object.keys(painted), ['data-engineering', 'platform', 'payments']);
  assert.equal(painted.payments, 'Heidi');
  assert.equal(await early.locator('main .team-name').innerText(), 'Example Corp');
  await blocked.close();

  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/', BEFORE_PAYMENTS_HANDOFF, '[data-testid="team-on-call"]', { clock: 'paused' });
  assert.deepEqual(await onCallByTeam(page), painted, 'the app says what the page painted');
  await page.clock.fastForward('02:00');
  await page.locator('.org-team[data-team="payments"] .on-call-name', { hasText: 'Ivan' }).waitFor();
  const after = await onCallByTeam(page);
  assert.equal(after.payments, 'Ivan');
  assert.equal(after['data-engineering'], painted['data-engineering'], 'only Payments changed hands');

  // The filter finds a team by a pipeline, a person or its name.
  await page.getByTestId('org-filter').fill('warehouse');
  await page.locator('.org-team:not([hidden])').first().waitFor();
  assert.deepEqual(await page.locator('.org-team:not([hidden])').evaluateAll((c) => c.map((e) => e.dataset.team)), ['platform']);
  await page.getByTestId('org-filter').fill('bob');
  assert.deepEqual(await page.locator('.org-team:not([hidden])').evaluateAll((c) => c.map((e) => e.dataset.team)), ['data-engineering', 'platform']);
  assert.equal(await page.getByTestId('org-shown').innerText(), '2 of 3 teams');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the front page paints from its table for 13 weeks after the build; later it waits for the app rather than guess', { timeout: TEST_LIMIT_MS }, async () => {
  // Built 2026-11-29: the page's table ends 13 weeks later, on 2027-02-28 (the app's, 104 weeks later).
  const blocked = await site.browser.newContext();
  await blocked.route(/\.wasm$/, (route) => route.abort());
  const late = await blocked.newPage();
  await late.clock.setFixedTime(new Date('2027-03-15T12:00:00Z'));
  await late.goto(site.url + '/');
  await late.locator('#main').filter({ hasText: 'Loading' }).waitFor();
  assert.equal(await late.locator('.org-team').count(), 0, 'no team painted past the table, not "Nobody yet"');
  const table = JSON.parse(await late.locator('#on-call-table').textContent());
  const lastEnd = Math.max(...table.teams.flatMap((t) => t.stretches.map(([, end]) => end)));
  assert.ok(lastEnd <= Date.parse('2027-03-08T00:00:00Z'), new Date(lastEnd).toISOString());
  await blocked.close();
});

test('search on a team\'s page finds the teams at once, says what it is still fetching, then finds people and pipelines', { timeout: TEST_LIMIT_MS }, async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(/\/text\/search-/, async (route) => { await held; await route.continue(); });
  const page = await openAt(context, site.url + '/teams/payments/', BEFORE_PAYMENTS_HANDOFF, '[data-testid="on-call-now"]');
  const box = page.getByRole('searchbox');
  const titles = () => page.locator('#search-results .result-title').allInnerTexts();
  await box.fill('platform');
  await page.locator('#search-results li').first().waitFor();
  assert.deepEqual(await titles(), ['Platform']);
  // Until the directory and the search file are here, the organisation's search has only its teams.
  assert.equal(await page.locator('.search-note').innerText(),
    'Still fetching the organisation\'s pipelines, people and runbooks: only team names were searched so far.');
  release();
  await box.fill('bob');
  await page.locator('#search-results li').first().waitFor();
  assert.deepEqual(await titles(), ['Bob']);
  assert.equal(await page.locator('.search-note').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** What a first visit (no service worker) to `path` of the site in `dir` fetches: paths and brotli bytes. */
async function firstLoad(dir, path, instant, ready) {
  const server = await startServer(dir);
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const fetched = [];
  context.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const page = await openAt(context, server.url + path, instant, ready, { clock: 'fixed' });
  await page.waitForLoadState('networkidle');
  const paths = [...new Set(fetched)];
  const bytes = paths
    .map((p) => join(dir, p.endsWith('/') ? p + 'index.html' : p))
    .reduce((sum, file) => sum + brotli(readFileSync(file)), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
  await server.close();
  return { paths, bytes };
}

test('a team\'s Now view fetches its own team\'s data and no other\'s; what the organisation\'s code adds to a first load stays within its budget', { timeout: TEST_LIMIT_MS }, async () => {
  const single = await firstLoad(DIST, '/', NY.thanksgiving, '[data-testid="on-call-next"]');
  const team = await firstLoad(DIST_ORG, '/teams/payments/', BEFORE_PAYMENTS_HANDOFF, '[data-testid="on-call-now"]');
  const data = team.paths.filter((p) => p.startsWith('/data/'));
  assert.equal(data.length, 1, data.join(', '));
  assert.match(data[0], /^\/data\/teams\/payments-[0-9a-f]{16}\.txt$/);
  console.log(`first load: a single team's Now view ${single.bytes} B, an organisation's team Now view ${team.bytes} B (brotli)`);
  // The wasm embeds only the teams' index, so this does not grow with the number of teams; the
  // organisation's pages (its front page, a person across teams, fetching and reading the data
  // files) cost 33,095 B brotli on 2026-12-04 (rustup), 1.114 × the single team's first load
  // (46,947 B, 1.163 × that morning); issue 17's budget is 1.10 × at 200 teams, where the bench
  // measures 1.13 ×. Issue 18's prerendering and fine-grained schedule added 1,514 B to the
  // difference (34,609 B: the organisation's mount also fetches the page's text before it
  // mounts, and its pages carry the new schedule's views for each team). Issue 19's layers add
  // the team file's layer lines, which only an organisation decodes: 35,277 and 35,473 B in two
  // fresh-clone runs (the single team's figure moves with its build date). Budget: that plus 2 %.
  const ORG_CODE_BUDGET = 36_200;
  assert.ok(team.bytes - single.bytes <= ORG_CODE_BUDGET, `${team.bytes} - ${single.bytes} > ${ORG_CODE_BUDGET}: ${team.paths.join(', ')}`);
  // The front page reads the table of every team's on-call and the directory, no team's data.
  const front = await firstLoad(DIST_ORG, '/', BEFORE_PAYMENTS_HANDOFF, '[data-testid="team-on-call"]');
  assert.deepEqual(front.paths.filter((p) => p.startsWith('/data/')).map((p) => p.replace(/-[0-9a-f]{16}\.txt$/, '')).sort(), ['/data/directory', '/data/on-call']);
});

test('moving from the front page to a team\'s schedule fetches that team\'s data on the way', { timeout: TEST_LIMIT_MS }, async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/', BEFORE_PAYMENTS_HANDOFF, '[data-testid="team-on-call"]', { clock: 'fixed' });
  await page.locator('.org-team[data-team="platform"] h2 a').click();
  await page.getByTestId('on-call-now').waitFor();
  assert.equal(await page.locator('main .team-name').innerText(), 'Platform');
  await page.locator('.site-nav a', { hasText: 'Schedule' }).click();
  await page.locator('tr[data-week]').first().waitFor();
  assert.equal(await page.getByTestId('page-team').innerText(), 'Platform');
  await page.goto(site.url + '/pipelines');
  await waitForApp(page, '[data-testid="choose-team"]');
  assert.equal(await page.locator('[data-testid="choose-team"] a').first().getAttribute('href'), '/teams/data-engineering/pipelines');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a team\'s data that cannot be fetched says why and offers to try again; trying again opens the page', { timeout: TEST_LIMIT_MS }, async () => {
  // No service worker: it would answer from its cache, which is the point of it, not of this test.
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const page = await openAt(context, site.url + '/', BEFORE_PAYMENTS_HANDOFF, '[data-testid="team-on-call"]', { clock: 'fixed' });
  const file = /\/data\/teams\/platform-/;
  await context.route(file, (route) => route.abort('internetdisconnected'));
  await page.locator('.org-team[data-team="platform"] h2 a').click();
  const alert = page.locator('main [role="alert"]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^Platform's data could not be loaded: you seem to be offline/);
  await context.unroute(file);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.getByTestId('on-call-now').waitFor();
  assert.equal(await page.locator('main .team-name').innerText(), 'Platform');
  // The refused fetch is logged by the browser; nothing else went wrong.
  assert.deepEqual(page.problems.filter((p) => !/Failed to load resource/.test(p)), []);
  await context.close();
});

test('a team page says which team it is; a team page asked for without a team offers the teams', { timeout: TEST_LIMIT_MS }, async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/teams/payments/', BEFORE_PAYMENTS_HANDOFF, '[data-testid="on-call-now"]', { clock: 'fixed' });
  assert.equal(await page.locator('main .team-name').innerText(), 'Payments');
  assert.equal(await page.getByTestId('on-call-now').innerText(), 'Heidi');
  // The menu is the team's.
  assert.equal(await page.locator('.site-nav a', { hasText: 'Schedule' }).getAttribute('href'), '/teams/payments/schedule');
  await page.goto(site.url + '/schedule?week=2027-W05');
  await waitForApp(page, '[data-testid="choose-team"]');
  assert.deepEqual(await page.locator('[data-testid="choose-team"] a').evaluateAll((a) => a.map((e) => e.getAttribute('href'))), [
    '/teams/data-engineering/schedule?week=2027-W05',
    '/teams/platform/schedule?week=2027-W05',
    '/teams/payments/schedule?week=2027-W05',
  ]);
  await page.goto(site.url + '/teams/paymnets/');
  await waitForApp(page, '[data-testid="known"]');
  assert.equal(await page.locator('[data-testid="known"] a').getAttribute('href'), '/teams/payments/', 'a mistyped team suggests the close one');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a clash is on both teams\' schedule rows, and a swap refused for it says why', { timeout: TEST_LIMIT_MS }, async () => {
  const context = await site.browser.newContext();
  for (const [team, other] of [['data-engineering', 'Platform'], ['platform', 'Data Engineering']]) {
    const page = await openAt(context, `${site.url}/teams/${team}/schedule?week=2027-W05&weeks=1`, BEFORE_PAYMENTS_HANDOFF, 'tr[data-week]', { clock: 'fixed' });
    assert.equal(await page.getByTestId('page-team').innerText(), team === 'platform' ? 'Platform' : 'Data Engineering', 'the page says whose it is');
    const row = page.locator('tr[data-week="2027-W05"]');
    assert.match(await row.getAttribute('class'), /\bclash\b/);
    assert.match(await row.innerText(), new RegExp(`Clash: Bob is also on call for ${other} \\(2027-W05\\) from Wed 3 Feb 2027, 09:00 EST to Thu 4 Feb 2027, 09:00 EST`));
    assert.deepEqual(page.problems, []);
    await page.close();
  }
  const page = await openAt(context, `${site.url}/teams/data-engineering/schedule?week=2026-W53&weeks=1`, BEFORE_PAYMENTS_HANDOFF, 'tr[data-week]', { clock: 'fixed' });
  assert.match(await page.locator('tr[data-week="2026-W53"]').innerText(), /Alice keeps 2026-W53: Bob \(backup\) is on call for Platform in 2026-W53/);
  await context.close();
});

test('a what-if preview that puts someone on call for two teams shows the clash on the row', { timeout: TEST_LIMIT_MS }, async () => {
  // Bob holds Data Engineering's 2027-W09 (Mon 1 to Mon 8 Mar); a preview has him cover a day for
  // Platform in that week.
  const context = await site.browser.newContext();
  const path = '/teams/platform/schedule?week=2027-W09&weeks=1&cover=bob:2027-03-02T09:00..2027-03-03T09:00';
  const page = await openAt(context, site.url + path, BEFORE_PAYMENTS_HANDOFF, '.preview-banner', { clock: 'fixed' });
  const row = page.locator('tr[data-week="2027-W09"]');
  assert.match(await row.getAttribute('class'), /\bclash\b/);
  assert.match(await row.innerText(), /Clash: Bob is also on call for Data Engineering \(2027-W09\) from Tue 2 Mar 2027, 09:00 EST to Wed 3 Mar 2027, 09:00 EST/);
  // Without the preview, no clash that week.
  await page.goto(site.url + '/teams/platform/schedule?week=2027-W09&weeks=1');
  await waitForApp(page, 'tr[data-week="2027-W09"]');
  assert.doesNotMatch(await page.locator('tr[data-week="2027-W09"]').getAttribute('class'), /\bclash\b/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a person across teams: every team, the next shift in each, one timeline, the clash, fairness per team', { timeout: TEST_LIMIT_MS }, async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/people/bob', BEFORE_PAYMENTS_HANDOFF, '[data-testid="person-timeline"]', { clock: 'fixed' });
  assert.deepEqual(await page.locator('[data-testid="person-teams"] li').evaluateAll((l) => l.map((e) => e.dataset.team)), ['data-engineering', 'platform']);
  const teamsInTimeline = await page.locator('[data-testid="person-timeline"] tbody tr').evaluateAll((r) => [...new Set(r.map((e) => e.dataset.team))].sort());
  assert.deepEqual(teamsInTimeline, ['data-engineering', 'platform']);
  assert.match(await page.getByTestId('person-clashes').innerText(), /Data Engineering \(2027-W05\) and Platform \(2027-W05\)/);
  const fairness = await page.locator('[data-testid="person-fairness"] tr th[scope="row"]').allInnerTexts();
  assert.deepEqual(fairness, ['Data Engineering', 'Platform', 'Total']);
  assert.equal(await page.locator('.calendar-subscribe a[href="/calendar/bob.ics"]').count(), 1, 'one feed with every team');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('offline: after one visit to a team\'s page, a cold deep link to another team\'s runbook opens', { timeout: TEST_LIMIT_MS }, async () => {
  const server = await startServer(DIST_ORG);
  const context = await site.browser.newContext();
  const first = await newPage(context);
  await first.goto(server.url + '/teams/payments/');
  await waitForApp(first, '[data-testid="on-call-now"]');
  await first.waitForFunction(() => navigator.serviceWorker?.controller !== null);
  // Precaching finishes when the worker activates, before it takes control.
  server.setOnline(false);
  const page = await newPage(context);
  await page.goto(server.url + '/runbooks/warehouse-loader#late-partition');
  const point = await waitForApp(page, '#late-partition');
  assert.match(await point.innerText(), /event store's daily partition/);
  assert.equal(await page.locator('main h1').innerText(), 'Warehouse Loader runbook');
  await context.close();
  await server.close();
});

const views = [
  ['organisation front page', '/', '[data-testid="team-on-call"]'],
  ['person across teams', '/people/bob', '[data-testid="person-timeline"]'],
  ['team schedule with a clash', '/teams/platform/schedule?week=2027-W04&weeks=3', 'tr.clash'],
  ['choose a team', '/fairness', '[data-testid="choose-team"]'],
];
for (const [name, path, ready] of views) {
  test(`axe finds no serious or critical problem on the ${name}`, { timeout: TEST_LIMIT_MS }, async () => {
    const context = await site.browser.newContext({ bypassCSP: true });
    const page = await openAt(context, site.url + path, BEFORE_PAYMENTS_HANDOFF, ready, { clock: 'fixed' });
    await injectAxe(page);
    assert.deepEqual(await auditEverywhere(page), []);
    // Nothing wider than a phone.
    await page.setViewportSize(SIZES.phone);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll on a phone');
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
