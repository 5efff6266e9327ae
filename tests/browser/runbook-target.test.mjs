// Following a link to another failure point of the runbook on screen moves the highlight from
// one card to the other and changes nothing else (issue 18: the page used to rebuild every
// failure point whenever the fragment changed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

test('a new fragment moves the highlight between two cards and leaves the rest of the runbook as it is', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/runbooks/aggregate-profit#schema-drift', NY.thanksgiving, '#schema-drift.targeted');
  // The text has arrived (it is what a rebuild would rewrite).
  await page.locator('#data-latency p:not([class])').waitFor();
  const cards = await page.locator('article.failure-point').elementHandles();
  await page.evaluate(() => {
    window.changes = [];
    const describe = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest('[id]')?.id;
    new MutationObserver((records) => {
      for (const r of records) window.changes.push(`${r.type}${r.attributeName ? ` ${r.attributeName}` : ''} in ${describe(r.target)}`);
    }).observe(document.querySelector('main'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.locator('main a', { hasText: /^Data Latency$/ }).first().click();
  await page.waitForURL(/#data-latency$/);
  await page.locator('#data-latency.targeted').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'data-latency');
  const changes = await page.evaluate(() => [...new Set(window.changes)].sort());
  assert.deepEqual(changes, ['attributes class in data-latency', 'attributes class in schema-drift']);
  const after = await page.locator('article.failure-point').elementHandles();
  assert.equal(after.length, cards.length);
  for (let i = 0; i < cards.length; i++) {
    assert.ok(await page.evaluate(([a, b]) => a === b, [cards[i], after[i]]), `card ${i} is the same element`);
  }
  await context.close();
});
