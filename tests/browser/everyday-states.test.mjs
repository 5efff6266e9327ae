// Screenshots of the states issue 20 added, for people to look at and for the README: no
// contact on file at 3 a.m., a preview carried to the fairness page, the conflicts a preview
// opens in its banner, and a search by symptom. Each first checks the state is on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, openAt, ROOT } from './support.mjs';

const site = useSite(before, after);
const SHOTS = join(ROOT, 'tests/output/screenshots');
mkdirSync(SHOTS, { recursive: true });
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const AT_3AM = '2026-11-26T03:00:00-05:00';
const LEAVE = 'leave=bob:2026-12-21..2027-01-03';

for (const colorScheme of ['light', 'dark']) {
  const suffix = colorScheme === 'dark' ? '-dark' : '';

  test(`no contact on file, at 3 a.m. on a phone (${colorScheme})`, async () => {
    const context = await site.browser.newContext({ ...PHONE, colorScheme });
    const page = await openAt(context, site.url + '/', AT_3AM, '[data-testid="no-contacts"]', { clock: 'fixed' });
    assert.equal(await page.locator('section.now').getByTestId('no-contacts').innerText(), 'No contact on file');
    await page.screenshot({ path: join(SHOTS, `no-contact-phone${suffix}.png`) });
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test(`a preview carried to the fairness page (${colorScheme})`, async () => {
    const context = await site.browser.newContext({ ...PHONE, colorScheme });
    const page = await openAt(context, `${site.url}/schedule?week=2026-W51&weeks=4&${LEAVE}`, AT_3AM, 'tr[data-week]', { clock: 'fixed' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fairness' }).tap();
    await page.waitForURL(/\/fairness\?leave=bob/);
    await page.locator('.fairness .changed-cell').first().waitFor();
    await page.screenshot({ path: join(SHOTS, `preview-fairness-phone${suffix}.png`) });
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test(`the conflict a preview opens, in its banner (${colorScheme})`, async () => {
    const context = await site.browser.newContext({ ...PHONE, colorScheme });
    const page = await openAt(context, `${site.url}/schedule?week=2026-W52&weeks=3&${LEAVE}`, AT_3AM, 'tr[data-week]', { clock: 'fixed' });
    assert.match(await page.getByTestId('preview-effects').innerText(), /New conflict: 2026-W53/);
    await page.locator('.preview-banner').screenshot({ path: join(SHOTS, `preview-conflict-phone${suffix}.png`) });
    assert.deepEqual(page.problems, []);
    await context.close();
  });

  test(`a search by symptom (${colorScheme})`, async () => {
    const context = await site.browser.newContext({ ...PHONE, colorScheme });
    const page = await openAt(context, site.url + '/', AT_3AM, '[data-testid="on-call-now"]', { clock: 'fixed' });
    await page.getByRole('searchbox').fill('doubled');
    await page.locator('#search-results li').first().waitFor();
    assert.deepEqual(await page.locator('#search-results .result-title').allInnerTexts(), ['Duplicate User IDs']);
    await page.screenshot({ path: join(SHOTS, `symptom-search-phone${suffix}.png`) });
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
