// axe-core's WCAG 2.1 A and AA rules, for the accessibility tests: injected into a page (its
// context must bypass the site's Content-Security-Policy), then run on the page as it is.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Phone and desktop viewports the views are audited at. */
export const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };

/** Makes axe available in `page`. */
export const injectAxe = (page) => page.evaluate(AXE);

/** Serious and critical violations on the page as it is now, one line each. */
export async function audit(page) {
  const results = await page.evaluate((rules) => window.axe.run(document, { runOnly: { type: 'tag', values: rules } }), RULES);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
}

/**
 * Serious and critical violations at every size in light and dark mode, each line prefixed with
 * its variant ("phone, dark: …"); `more(variant)` may change the page, audit it again and return
 * its own lines, before the next variant.
 */
export async function auditEverywhere(page, more = async () => []) {
  const found = [];
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    for (const colorScheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme });
      const variant = `${size}, ${colorScheme}`;
      found.push(...(await audit(page)).map((v) => `${variant}: ${v}`), ...(await more(variant)));
    }
  }
  return found;
}
