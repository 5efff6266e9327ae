// Search: "/" focuses the box; results cover pipelines, failure points (title, symptoms and text) and people.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

test('"/" focuses search; Enter opens the first result at its deep link', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/', NY.thanksgiving, '[data-testid="on-call-now"]');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
  await page.keyboard.type('duplicate');
  const results = page.locator('#search-results li');
  await results.first().waitFor();
  assert.deepEqual(await page.locator('#search-results .result-title').allInnerTexts(), ['Duplicate User IDs']);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/runbooks\/aggregate-growth#duplicate-user-ids$/);
  await page.locator('#duplicate-user-ids.targeted').waitFor();
  assert.equal(await page.locator('#search-results').count(), 0, 'results close after choosing');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('search matches description text, people and pipelines, and says when nothing matches', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/pipelines', NY.thanksgiving, 'tr[data-pipeline]');
  const box = page.getByRole('searchbox');
  const titles = () => page.locator('#search-results .result-title').allInnerTexts();
  await box.fill('utc local');
  await page.locator('#search-results li').first().waitFor();
  assert.deepEqual(await titles(), ['Incorrect Time Windows']);
  await box.fill('charlie');
  await page.locator('#search-results li').first().waitFor();
  assert.equal((await titles())[0], 'Charlie');
  await page.locator('#search-results a').first().click();
  await page.waitForURL(/\/people\/charlie$/);
  await box.fill('engagement');
  await page.locator('#search-results li').first().waitFor();
  assert.equal((await titles())[0], 'Aggregate Engagement');
  await box.fill('kubernetes');
  await page.locator('.no-results').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#search-results').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("an alert's word finds failure points by their symptoms, and the card lists them (phone and desktop)", async () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    const context = await site.browser.newContext({ viewport });
    const page = await openAt(context, site.url + '/', '2026-11-26T03:00:00-05:00', '[data-testid="on-call-now"]');
    const box = page.getByRole('searchbox');
    await box.fill('doubled');
    await page.locator('#search-results li').first().waitFor();
    assert.deepEqual(await page.locator('#search-results .result-title').allInnerTexts(), ['Duplicate User IDs']);
    await box.fill('growth too high');
    await page.locator('#search-results li').first().waitFor();
    assert.deepEqual(await page.locator('#search-results .result-title').allInnerTexts(), ['Duplicate User IDs', 'Bot or Spam Traffic']);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/runbooks\/aggregate-growth#duplicate-user-ids$/);
    const card = page.locator('#duplicate-user-ids');
    await card.locator('[data-testid="symptoms"]').waitFor();
    assert.equal(
      await card.getByTestId('symptoms').innerText(),
      'Symptoms: doubled, overcounted users, growth too high, duplicates',
    );
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});
