// Issue 16: one horizon for every link. What-if values (leave, cover, keep), schedule weeks and
// fairness years outside the weeks the site answers for (the rotation's first week, 2026-W01, to
// the last week of the tenth year after the clock's, 2036-W52) are refused on every page with a
// message naming that range; values at its ends are shown, and nothing past it is printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);
const RANGE = 'outside the weeks this site answers for (2026-W01 to 2036-W52, up to 10 years ahead)';

const outside = [
  ['keep=9999-W52', 'keep=9999-W52: 9999-W52 is'],
  ['leave=alice:9999-12-01..9999-12-05', 'leave=alice:9999-12-01..9999-12-05: 9999-12-01 is'],
  ['cover=bob:9999-12-01T10:00..9999-12-02T10:00', 'cover=bob:9999-12-01T10:00..9999-12-02T10:00: 9999-12-01 is'],
  // A day past either end.
  ['keep=2037-W01', 'keep=2037-W01: 2037-W01 is'],
  ['leave=bob:2036-12-20..2036-12-29', 'leave=bob:2036-12-20..2036-12-29: 2036-12-29 is'],
  ['leave=alice:2025-12-28..2025-12-30', 'leave=alice:2025-12-28..2025-12-30: 2025-12-28 is'],
  ['cover=bob:2025-12-28T10:00..2025-12-29T10:00', 'cover=bob:2025-12-28T10:00..2025-12-29T10:00: 2025-12-28 is'],
];

for (const path of ['/', '/schedule', '/people/alice', '/fairness']) {
  test(`${path}: what-if values outside the horizon are refused, naming it`, async () => {
    const context = await site.browser.newContext();
    for (const [query, start] of outside) {
      const page = await openAt(context, `${site.url}${path}?${query}`, NY.thanksgiving, '.problem', { clock: 'paused' });
      assert.equal(await page.locator('main h1').innerText(), "Can't read this link", `${path}?${query}`);
      assert.equal(await page.locator('.problem .reason').innerText(), `${start} ${RANGE}`);
      assert.deepEqual(page.problems, []);
      await page.close();
    }
    await context.close();
  });
}

test('a preview at the last week is shown, and its answer names no week past the horizon', async () => {
  const context = await site.browser.newContext();
  // Bob's week 2036-W52 (hand-checked: the rotation alice, bob, charlie, diana starts on
  // 2025-12-29, and 2036-W52 is its week 573 = 4 × 143 + 1, Bob's): his leave there would swap
  // it with his backup, whose return week is in 2037, past the horizon. The answer is about
  // 2036-W52 only (here: no change, as the return week holds New Year's Day).
  const page = await openAt(context, `${site.url}/schedule?week=2036-W49&weeks=4&leave=bob:2036-12-22..2036-12-28`,
    NY.thanksgiving, 'tr[data-week]', { clock: 'paused' });
  const banner = await page.getByTestId('preview-effects').innerText();
  assert.equal(banner, 'No change: Bob is on call in 2036-W52');
  assert.doesNotMatch(banner, /20(3[7-9]|[4-9]\d)-W/, banner);
  assert.deepEqual(await page.locator('tr[data-week]').evaluateAll((rows) => rows.map((r) => r.dataset.week)),
    ['2036-W49', '2036-W50', '2036-W51', '2036-W52']);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('fairness offers only the years wholly inside the horizon', async () => {
  const context = await site.browser.newContext();
  // 2036-W52 ends on Sunday 28 December 2036: 2035 is the last whole year.
  const last = await openAt(context, `${site.url}/fairness?year=2035`, NY.thanksgiving, 'main table', { clock: 'paused' });
  assert.equal(await last.locator('main h1').innerText(), 'Fairness in 2035');
  assert.equal(await last.getByRole('link', { name: '2036 →' }).count(), 0);
  assert.equal(await last.getByRole('link', { name: '← 2034' }).count(), 1);
  const past = await openAt(context, `${site.url}/fairness?year=2036`, NY.thanksgiving, '.problem', { clock: 'paused' });
  assert.equal(await past.locator('.problem .reason').innerText(),
    'year=2036: choose a year from 2025 to 2035, the years wholly inside the weeks this site answers for (2026-W01 to 2036-W52, up to 10 years ahead)');
  assert.deepEqual([...last.problems, ...past.problems], []);
  await context.close();
});
