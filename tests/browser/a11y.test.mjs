// axe-core's WCAG 2.1 A and AA rules on every main view: at phone and desktop width, in light and
// dark mode, and with search results open. axe is injected into the page, so these contexts
// bypass the site's Content-Security-Policy (tested on its own in pwa.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY, TEST_LIMIT_MS } from './support.mjs';
import { audit, auditEverywhere, injectAxe } from './axe.mjs';

const site = useSite(before, after);

const views = [
  ['now', '/', '[data-testid="on-call-now"]'],
  ['schedule', '/schedule?week=2026-W47&weeks=8', 'tr[data-week]'],
  ['pipelines', '/pipelines', 'tr[data-pipeline]'],
  ['pipeline', '/pipelines/aggregate-growth', 'main h1'],
  ['runbooks', '/runbooks', 'main h1'],
  ['runbook', '/runbooks/aggregate-profit#schema-drift', '#schema-drift.targeted'],
  ['people', '/people', 'main h1'],
  ['person', '/people/alice', 'tr[data-week]'],
  ['fairness', '/fairness', '.fairness'],
  ['not found', '/no/such/page', '.problem'],
  // A preview's banner (a conflict, the fairness link) and the page for someone not in the data.
  ['preview', '/schedule?week=2026-W52&weeks=3&leave=bob:2026-12-21..2027-01-03', '.preview-banner'],
  ['not yet in the data', '/people/eve', '[data-testid="not-yet-in-data"]'],
];

let audited = 0;
for (const [name, path, ready] of views) {
  test(`axe finds no serious or critical problem on ${name}`, { timeout: TEST_LIMIT_MS }, async () => {
    const context = await site.browser.newContext({ bypassCSP: true });
    const page = await openAt(context, site.url + path, NY.thanksgiving, ready, { clock: 'fixed' });
    await injectAxe(page);
    const found = await auditEverywhere(page, async (variant) => {
      await page.getByRole('searchbox').fill('drift');
      await page.locator('#search-results li').first().waitFor();
      const open = (await audit(page)).map((v) => `${variant}, search open: ${v}`);
      await page.getByRole('searchbox').fill('');
      await page.locator('#search-results').waitFor({ state: 'detached' });
      audited += 2;
      return open;
    });
    assert.deepEqual(found, []);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}

test('axe audit count', (t) => {
  t.diagnostic(`axe audited ${audited} view variants: ${views.length} views × 2 widths × light/dark × search closed/open`);
  assert.equal(audited, views.length * 2 * 2 * 2);
});
