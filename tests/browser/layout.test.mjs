// Every main view at phone and desktop width, light and dark: landmarks, one h1, a title,
// no sideways scrolling at 360 px, text contrast ≥ 4.5:1; screenshots saved for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, openAt, ROOT, NY } from './support.mjs';

const site = useSite(before, after);
const SHOTS = join(ROOT, 'tests/output/screenshots');
mkdirSync(SHOTS, { recursive: true });

const views = [
  ['now', '/', '[data-testid="on-call-now"]'],
  ['schedule', '/schedule?week=2026-W47&weeks=8', 'tr[data-week]'],
  ['what-if', '/schedule?week=2026-W48&weeks=4&leave=alice:2026-11-23..2026-11-27', 'tr[data-week]'],
  ['pipelines', '/pipelines', 'tr[data-pipeline]'],
  ['pipeline', '/pipelines/aggregate-growth', 'main h1'],
  ['runbook', '/runbooks/aggregate-profit#schema-drift', '#schema-drift.targeted'],
  ['person', '/people/alice', 'tr[data-week]'],
  ['fairness', '/fairness', '.fairness'],
  ['not-found', '/pipelines/nope', '.problem'],
];
const sizes = { phone: { width: 360, height: 740 }, desktop: { width: 1280, height: 900 } };

/** Text elements whose contrast with their background is below 4.5:1. */
function lowContrast() {
  const parse = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const ch = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
    }
    return parse(getComputedStyle(document.body).backgroundColor).slice(0, 3);
  };
  const bad = [];
  for (const el of document.querySelectorAll('main *, header *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.checkVisibility?.() || el.closest('.visually-hidden')) continue;
    const fg = parse(getComputedStyle(el).color);
    const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
    const ratio = (a + 0.05) / (b + 0.05);
    if (ratio < 4.5) bad.push(`${el.tagName.toLowerCase()}.${el.className} “${el.textContent.trim().slice(0, 30)}” ${ratio.toFixed(2)}`);
  }
  return bad;
}

for (const [name, path, ready] of views) {
  for (const [size, viewport] of Object.entries(sizes)) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${name} at ${size} width in ${colorScheme} mode`, async () => {
        const context = await site.browser.newContext({ viewport, colorScheme });
        const page = await openAt(context, site.url + path, NY.thanksgiving, ready);
        assert.equal(await page.locator('h1').count(), 1, 'one h1');
        assert.equal(await page.locator('header.site-header').count(), 1);
        assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 1);
        assert.equal(await page.locator('main#main').count(), 1);
        assert.match(await page.title(), / · rota$/);
        const unlabeled = await page.locator('select, input').evaluateAll((els) =>
          els.filter((e) => !e.labels?.length && !e.getAttribute('aria-label')).map((e) => e.outerHTML));
        assert.deepEqual(unlabeled, [], 'every control has a label');
        if (size === 'phone') {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `no sideways scrolling at 360 px (overflow ${overflow}px)`);
        }
        assert.deepEqual(await page.evaluate(lowContrast), [], 'text contrast is at least 4.5:1');
        if (colorScheme === 'light' || name === 'now') {
          await page.screenshot({ path: join(SHOTS, `${name}-${size}${colorScheme === 'dark' ? '-dark' : ''}.png`), fullPage: true });
        }
        assert.deepEqual(page.problems, []);
        await context.close();
      });
    }
  }
}

test('the static shell and the mounted app have the same header height (no layout shift)', async () => {
  const context = await site.browser.newContext({ viewport: sizes.phone });
  const page = await context.newPage();
  // Block the wasm so the shell stays, then measure; then load normally and measure again.
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(site.url + '/');
  const shell = await page.locator('header.site-header').boundingBox();
  await page.unroute(/\.wasm$/);
  await page.goto(site.url + '/');
  await page.getByTestId('on-call-now').waitFor();
  const app = await page.locator('header.site-header').boundingBox();
  assert.deepEqual(app, shell);
  await context.close();
});

test('printing the schedule leaves out the header and controls, keeps every week', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule?week=2026-W48&weeks=12', NY.thanksgiving, 'tr[data-week]');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.site-header').isVisible(), false);
  assert.equal(await page.locator('.week-picker').isVisible(), false);
  assert.equal(await page.locator('tr[data-week]:visible').count(), 12);
  await page.pdf({ path: join(SHOTS, 'schedule-print.pdf') });
  assert.deepEqual(page.problems, []);
  await context.close();
});
