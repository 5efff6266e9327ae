// Unknown paths, slugs and malformed parameters get a clear in-app message, never a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

const cases = [
  ['/no/such/page', 'Page not found', /There is no page at \/no\/such\/page\./],
  ['/pipelines/aggregate-proft', 'No such pipeline', /aggregate-proft[\s\S]*Known: profit, aggregate-profit/],
  ['/runbooks/daily-growth', 'No such runbook', /daily-growth[\s\S]*Known: aggregate-profit, aggregate-growth, aggregate-engagement/],
  ['/people/dianna', 'No such person', /dianna[\s\S]*Known: alice, bob, charlie, diana/],
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
