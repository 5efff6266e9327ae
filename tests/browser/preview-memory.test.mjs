// Previews are kept in a small bounded cache: opening hundreds of distinct what-if links in
// one page must not grow memory without end (each used to leak its data and schedule).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, newPage, waitForApp } from './support.mjs';

const site = useSite(before, after);

test('opening 300 distinct preview links in one page keeps wasm memory flat', async () => {
  const context = await site.browser.newContext();
  const page = await newPage(context);
  // trunk's loader announces the started app with the wasm exports, memory included.
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.rotaWasmMemory = e.detail.wasm.memory; });
  });
  await page.goto(site.url + '/schedule?week=2026-W48&weeks=12');
  await waitForApp(page, 'tr[data-week]');
  const sizes = await page.evaluate(async () => {
    const open = async (i) => {
      const day = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      history.pushState(null, '', `?week=2026-W48&weeks=12&leave=alice:${day}..${day}`);
      dispatchEvent(new PopStateEvent('popstate'));
      await new Promise((ok) => setTimeout(ok, 0));
      if (!document.querySelector('.preview-banner')) throw new Error(`preview ${i} did not render`);
    };
    const bytes = () => window.rotaWasmMemory.buffer.byteLength;
    for (let i = 0; i < 50; i++) await open(i);
    const afterFifty = bytes();
    for (let i = 50; i < 300; i++) await open(i);
    return { afterFifty, afterThreeHundred: bytes() };
  });
  console.log(`wasm memory after 50 previews: ${sizes.afterFifty} B, after 300: ${sizes.afterThreeHundred} B`);
  // Before the cache was bounded, 250 more previews added about 10 MB.
  assert.ok(sizes.afterThreeHundred - sizes.afterFifty <= 1 << 20, JSON.stringify(sizes));
  assert.deepEqual(page.problems, []);
  await context.close();
});
