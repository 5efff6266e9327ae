// Every destination of the menu is in sight on a phone, down to 320 px, and the header stays
// small enough that the on-call name is on the first screen (issue 20, item 2).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt } from './support.mjs';

const site = useSite(before, after);
const MENU = ['Now', 'Schedule', 'Pipelines', 'Runbooks', 'People', 'Fairness'];
const AT_3AM = '2026-11-26T03:00:00-05:00';

for (const [width, height] of [[320, 568], [360, 740], [390, 844]]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`at ${width} px (${colorScheme}) every menu item is visible and the on-call name is on the first screen`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height }, colorScheme, isMobile: true, hasTouch: true });
      const page = await openAt(context, site.url + '/', AT_3AM, '[data-testid="on-call-now"]');
      const nav = page.getByRole('navigation', { name: 'Main' });
      assert.deepEqual(await nav.getByRole('link').allInnerTexts(), MENU);
      // In the viewport, whole, and not hidden by an overflowing container: the link itself is
      // what a tap at its middle hits.
      const hits = await nav.getByRole('link').evaluateAll((links) => links.map((a) => {
        const r = a.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { text: a.textContent, left: r.left, right: r.right, hit: hit === a || a.contains(hit) };
      }));
      for (const { text, left, right, hit } of hits) {
        assert.ok(left >= 0 && right <= width, `${text} lies within the ${width} px screen (${left}–${right})`);
        assert.ok(hit, `${text} is what a tap on it hits`);
      }
      const header = await page.locator('header.site-header').boundingBox();
      assert.ok(header.height <= 100, `header ${header.height}px`);
      const name = await page.getByTestId('on-call-now').boundingBox();
      assert.ok(name.y + name.height <= height, `the on-call name ends at ${name.y + name.height}px of ${height}`);
      await nav.getByRole('link', { name: 'Fairness' }).tap();
      await page.waitForURL(/\/fairness$/);
      assert.deepEqual(page.problems, []);
      await context.close();
    });
  }
}
