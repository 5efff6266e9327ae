// What-if previews give the answer: what changes (or that nothing does), where the leave
// falls, the fairness differences, and a note on pages a preview cannot change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

test('leave in someone else\'s week: the preview says nothing changes and shows the leave on its row', async () => {
  const context = await site.browser.newContext();
  const url = `${site.url}/schedule?week=2027-W10&weeks=1&leave=alice:2027-03-08..2027-03-12`;
  const page = await openAt(context, url, NY.thanksgiving, 'tr[data-week]');
  assert.equal(await page.getByTestId('preview-effects').innerText(), 'No change: Charlie is on call in 2027-W10');
  assert.match(
    await page.locator('tr[data-week="2027-W10"]').innerText(),
    /Alice on leave Mon 8 Mar – Fri 12 Mar \(preview; not their week\)/,
  );
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('leave in the engineer\'s own week: the preview lists exactly the weeks that change', async () => {
  const context = await site.browser.newContext();
  // Alice's 2027-W12 becomes a holiday week: Bob, her backup, covers it; she takes his W13.
  const url = `${site.url}/schedule?week=2027-W12&weeks=4&leave=alice:2027-03-22..2027-03-26`;
  const page = await openAt(context, url, NY.thanksgiving, 'tr[data-week]');
  assert.deepEqual((await page.getByTestId('preview-effects').innerText()).split('\n'), [
    '2027-W12: Bob instead of Alice',
    '2027-W13: Alice instead of Bob',
  ]);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the fairness page applies a preview and shows what it changes', async () => {
  const context = await site.browser.newContext();
  const url = `${site.url}/fairness?year=2027&leave=alice:2027-03-22..2027-03-26`;
  const page = await openAt(context, url, NY.thanksgiving, '.fairness');
  assert.ok(await page.locator('.preview-banner').count(), 'the page says it is a preview');
  const changed = await page.locator('tr[data-engineer="alice"][data-period="2027"] .changed-cell').allInnerTexts();
  assert.ok(changed.some((text) => /^\d+ → \d+$/.test(text)), `changed cells: ${changed}`);
  // The year links keep the preview.
  assert.match(await page.getByRole('link', { name: '2028 →' }).getAttribute('href'), /leave=alice/);

  // A person page shows the year the preview reaches into, not only the current one.
  const person = await openAt(context, `${site.url}/people/alice?leave=alice:2027-03-22..2027-03-26`, NY.thanksgiving, 'main h1');
  const headings = await person.locator('main h3').allInnerTexts();
  assert.ok(headings.includes('Fairness in 2026') && headings.includes('Fairness in 2027'), `${headings}`);
  assert.deepEqual([...page.problems, ...person.problems], []);
  await context.close();
});

test('pages a preview cannot change say so', async () => {
  const context = await site.browser.newContext();
  for (const path of ['/pipelines', '/pipelines/aggregate-profit', '/runbooks/aggregate-growth', '/people']) {
    const page = await openAt(context, `${site.url}${path}?leave=alice:2027-03-22..2027-03-26`, NY.thanksgiving, 'main h1');
    assert.match(await page.getByTestId('preview-ignored').innerText(), /same in every what-if preview/, path);
    assert.deepEqual(page.problems, []);
  }
  const plain = await openAt(context, `${site.url}/pipelines`, NY.thanksgiving, 'main h1');
  assert.equal(await plain.getByTestId('preview-ignored').count(), 0);
  await context.close();
});

test('the banner names the conflict a preview opens and the change across the new year in one place', async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const context = await site.browser.newContext({ viewport });
    const url = `${site.url}/schedule?week=2026-W51&weeks=4&leave=bob:2026-12-21..2027-01-03`;
    const page = await openAt(context, url, NY.thanksgiving, 'tr[data-week]');
    // Bob away over the new year: Alice works New Year's Day (2026-W53) and Bob takes her
    // 2027-W01, so the fairness page shows Bob a week short in 2026 and a week over in 2027.
    assert.deepEqual((await page.getByTestId('preview-effects').innerText()).split('\n'), [
      '2026-W53: Alice instead of Bob',
      '2027-W01: Bob instead of Alice',
      'New conflict: 2026-W53: Alice keeps 2026-W53: Bob (backup) is on leave (what-if preview) from Mon 28 Dec 2026',
      'Across 2026 and 2027 (2026-W53 to 2027-W01): no one gains or loses a week on call',
    ]);
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});
