// The release build mounts in a real browser and replaces the static shell with the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, waitForApp } from './support.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the app mounts and renders the ownership table from data/', async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(server.url + '/pipelines');
  // Rendered by the wasm (the static shell has no table), from data/pipelines.json.
  const row = await waitForApp(page, 'tr[data-pipeline="aggregate-profit"]');
  assert.match(await row.innerText(), /Aggregate Profit[\s\S]*Bob[\s\S]*Charlie/);
  assert.equal(await page.locator('h1').innerText(), 'Pipelines and owners');
  assert.equal(await page.locator('main[aria-busy]').count(), 0, 'the loading shell is gone');
  assert.deepEqual(page.problems, []);
  await context.close();
});
