// Unknown paths, slugs and malformed parameters get a clear in-app message, never a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

const cases = [
  ['/no/such/page', 'Page not found', /There is no page at \/no\/such\/page\./],
  ['/pipelines/aggregate-proft', 'No such pipeline', /There is no pipeline called “aggregate-proft”/],
  ['/runbooks/daily-growth', 'No such runbook', /There is no runbook called “daily-growth”/],
  ['/people/dianna', 'No such person', /There is no person called “dianna”/],
  ['/schedule?week=2026-W99', "Can't read this link", /week=2026-W99: that year has no such week/],
  ['/schedule?week=next-tuesday', "Can't read this link", /week=next-tuesday: missing "W"/],
  ['/schedule?week=2024-W10', "Can't read this link", /week=2024-W10: the rotation starts in 2026-W01/],
  ['/schedule?weeks=0', "Can't read this link", /weeks=0: the number of weeks must be from 1 to 104/],
  ['/schedule?weeks=lots', "Can't read this link", /weeks=lots/],
  ['/?leave=bob', "Can't read this link", /leave=bob: expected <person>:<from>..<to>/],
  ['/people/alice?leave=zed:2026-01-01..2026-01-02', "Can't read this link", /unknown engineer "zed"/],
  ['/schedule?keep=2026-W77', "Can't read this link", /keep=2026-W77: that year has no such week/],
  ['/fairness?year=abc', "Can't read this link", /year=abc: choose a year from 2025/],
  ['/schedule?week=9999-W52', "Can't read this link", /week=9999-W52: the schedule covers 2026-W01 to 2036-W52, up to 10 years ahead/],
  [`/schedule?${Array.from({ length: 21 }, (_, i) => `keep=2026-W${String(i + 1).padStart(2, '0')}`).join('&')}`,
    "Can't read this link", /keep=2026-W21: a link can carry at most 20 what-if values in all, and this one has 21/],
];

for (const [path, title, reason] of cases) {
  test(`${path} explains what is wrong and links somewhere useful`, async () => {
    const context = await site.browser.newContext();
    const page = await openAt(context, site.url + path, NY.thanksgiving, '.problem');
    assert.equal(await page.locator('main h1').innerText(), title);
    assert.match(await page.locator('.problem .reason').innerText(), reason);
    await page.getByRole('link', { name: 'Who is on call now' }).click();
    await page.getByTestId('on-call-now').waitFor();
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('a deep link to an unknown failure point shows the whole runbook and says so', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/runbooks/aggregate-profit#schema-drfit', NY.thanksgiving, '.failure-point');
  assert.match(await page.getByRole('alert').innerText(), /no failure point “schema-drfit”/);
  assert.equal(await page.locator('.failure-point').count(), 5);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a mistyped name suggests the close ones as links, and a name typed with capitals still works', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/people/dianna', NY.thanksgiving, '.problem');
  assert.deepEqual(await page.getByTestId('known').locator('a').allInnerTexts(), ['Diana']);
  await page.getByTestId('known').getByRole('link', { name: 'Diana' }).click();
  await page.waitForURL(/\/people\/diana$/);
  assert.equal(await page.locator('main h1').innerText(), 'Diana');
  const runbooks = await openAt(context, site.url + '/runbooks/aggregate-growht', NY.thanksgiving, '.problem');
  assert.deepEqual(
    await runbooks.getByTestId('known').locator('a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname)),
    ['/runbooks/aggregate-growth'],
  );
  // Nothing close (daily-growth has no runbook): the list of them all instead.
  const none = await openAt(context, site.url + '/runbooks/daily-growth', NY.thanksgiving, '.problem');
  assert.equal(await none.getByTestId('known').count(), 0);
  assert.equal(await none.getByRole('link', { name: 'Every runbook' }).getAttribute('href'), '/runbooks');
  const charlie = await openAt(context, site.url + '/people/Charlie', NY.thanksgiving, 'main h1');
  assert.equal(await charlie.locator('main h1').innerText(), 'Charlie');
  const pipeline = await openAt(context, site.url + '/pipelines/Aggregate-Profit', NY.thanksgiving, 'main h1');
  assert.match(await pipeline.locator('main h1').innerText(), /^Aggregate Profit/);
  assert.deepEqual([...page.problems, ...runbooks.problems, ...none.problems, ...charlie.problems, ...pipeline.problems], []);
  await context.close();
});

test('someone not (yet) in the data: how people are added, the team feed meanwhile, and only close names', async () => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 900 }]) {
    const context = await site.browser.newContext({ viewport });
    const eve = await openAt(context, site.url + '/people/eve', NY.thanksgiving, '[data-testid="not-yet-in-data"]');
    assert.equal(await eve.locator('main h1').innerText(), 'No such person');
    assert.equal(await eve.getByTestId('known').count(), 0, 'nobody is called anything like eve');
    assert.match(await eve.getByTestId('not-yet-in-data').innerText(), /engineers in data\/team\.json .*pull or merge request/s);
    const feed = eve.locator('section.calendar-subscribe');
    assert.equal(await feed.getByTestId('feed-url').inputValue(), `${site.url}/calendar/team.ics`);
    // A feed the build did not write gets the same, not a bare "Page not found".
    const ics = await openAt(context, site.url + '/calendar/eve.ics', NY.thanksgiving, '[data-testid="not-yet-in-data"]');
    assert.equal(await ics.locator('main h1').innerText(), 'No such calendar feed');
    assert.match(await ics.locator('.problem').innerText(), /There is no calendar feed called “eve”/);
    assert.equal(await ics.locator('section.calendar-subscribe').getByTestId('feed-url').inputValue(), `${site.url}/calendar/team.ics`);
    const alcie = await openAt(context, site.url + '/calendar/alcie.ics', NY.thanksgiving, '[data-testid="known"]');
    assert.deepEqual(await alcie.getByTestId('known').locator('a').allInnerTexts(), ['Alice']);
    assert.deepEqual([...eve.problems, ...ics.problems, ...alcie.problems], []);
    await context.close();
  }
});
