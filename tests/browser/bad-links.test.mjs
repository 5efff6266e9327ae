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

test('a mistyped name lists the real ones as links, and a name typed with capitals still works', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/people/dianna', NY.thanksgiving, '.problem');
  assert.deepEqual(await page.getByTestId('known').locator('a').allInnerTexts(), ['alice', 'bob', 'charlie', 'diana']);
  await page.getByTestId('known').getByRole('link', { name: 'diana' }).click();
  await page.waitForURL(/\/people\/diana$/);
  assert.equal(await page.locator('main h1').innerText(), 'Diana');
  const runbooks = await openAt(context, site.url + '/runbooks/daily-growth', NY.thanksgiving, '.problem');
  assert.deepEqual(
    await runbooks.getByTestId('known').locator('a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname)),
    ['/runbooks/aggregate-profit', '/runbooks/aggregate-growth', '/runbooks/aggregate-engagement'],
  );
  const charlie = await openAt(context, site.url + '/people/Charlie', NY.thanksgiving, 'main h1');
  assert.equal(await charlie.locator('main h1').innerText(), 'Charlie');
  const pipeline = await openAt(context, site.url + '/pipelines/Aggregate-Profit', NY.thanksgiving, 'main h1');
  assert.match(await pipeline.locator('main h1').innerText(), /^Aggregate Profit/);
  assert.deepEqual([...page.problems, ...runbooks.problems, ...charlie.problems, ...pipeline.problems], []);
  await context.close();
});
