// Planning leave without editing links: the "What if…" form builds the preview link, adds to
// the preview on screen, explains a bad entry, and a swap can be declined from its row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

test('the form previews leave, then a cover on top, by keyboard', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, `${site.url}/schedule?week=2027-W10&weeks=4`, NY.thanksgiving, 'tr[data-week]');
  await page.getByLabel('Engineer', { exact: true }).selectOption('alice');
  await page.getByLabel('From', { exact: true }).fill('2027-03-22');
  await page.getByLabel('To', { exact: true }).fill('2027-03-26');
  await page.getByLabel('To', { exact: true }).press('Enter');
  await page.waitForURL(/leave=alice(:|%3A)2027-03-22\.\.2027-03-26/);
  assert.match(page.url(), /week=2027-W10&weeks=4/);
  assert.deepEqual((await page.getByTestId('preview-effects').innerText()).split('\n'), [
    '2027-W12: Bob instead of Alice',
    '2027-W13: Alice instead of Bob',
  ]);

  await page.getByLabel('someone covers').check();
  await page.getByLabel('Engineer', { exact: true }).selectOption('diana');
  await page.getByLabel('From', { exact: true }).fill('2027-03-10T18:00');
  await page.getByLabel('To', { exact: true }).fill('2027-03-11T09:00');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.waitForURL(/cover=diana/);
  assert.match(page.url(), /leave=alice/, 'the leave stays in the preview');
  assert.match(await page.locator('tr[data-week="2027-W10"]').getAttribute('class'), /covered/);

  // The preview's link, to send to the team.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  await page.getByRole('button', { name: 'Copy link to this preview' }).click();
  await page.locator('.preview-banner .copy-status').filter({ hasText: 'Link copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a bad entry is explained in an announced message and nothing is lost', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, `${site.url}/people/bob`, NY.thanksgiving, 'main h1');
  assert.equal(await page.getByLabel('Engineer', { exact: true }).inputValue(), 'bob', 'the person page proposes its person');
  await page.getByLabel('From', { exact: true }).fill('2027-03-26');
  await page.getByLabel('To', { exact: true }).fill('2027-03-22');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const error = page.getByTestId('what-if-error');
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.match(await error.innerText(), /ends \(2027-03-22\) before it starts \(2027-03-26\)/);
  assert.equal(new URL(page.url()).search, '', 'no half-made preview link');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a holiday swap can be declined from its row', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, `${site.url}/schedule?week=2026-W48&weeks=4`, NY.thanksgiving, 'tr[data-week]');
  await page.locator('tr[data-week="2026-W48"]').getByRole('link', { name: 'Preview declining this swap' }).click();
  await page.waitForURL(/keep=2026-W48/);
  const effects = await page.getByTestId('preview-effects').innerText();
  assert.match(effects, /^2026-W48: Diana instead of Alice$/m);
  assert.match(effects, /^2026-W49: Alice instead of Diana$/m);
  assert.deepEqual(page.problems, []);
  await context.close();
});
