// The Now view: who is on call at fixed instants, and the handoff without a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);

test('on Thanksgiving 2026 Alice is on call, covering Diana, and Diana is next', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/', NY.thanksgiving, '[data-testid="on-call-now"]');
  assert.equal(await page.getByTestId('on-call-now').innerText(), 'Alice');
  assert.equal(await page.getByTestId('on-call-next').innerText(), 'Diana');
  const text = await page.locator('main').innerText();
  assert.match(text, /Thanksgiving Day \(Thu 26 Nov 2026\)/);
  assert.match(text, /since Mon 23 Nov 2026, 09:00 EST/);
  assert.match(text, /until Mon 30 Nov 2026, 09:00 EST/);
  assert.equal(await page.title(), 'On call now · rota');
  const runbooks = await page.locator('.quick-runbooks a').allInnerTexts();
  assert.deepEqual(runbooks, ['Aggregate Profit', 'Aggregate Growth', 'Aggregate Engagement']);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the Now view changes hands at 09:00 New York time without a reload', async () => {
  const context = await site.browser.newContext();
  // Paused, so the page's time is 08:59:59 when the test reads it, however long loading took.
  const page = await openAt(context, site.url + '/', NY.beforeHandoff, '[data-testid="on-call-now"]', { clock: 'paused' });
  assert.equal(await page.getByTestId('on-call-now').innerText(), 'Alice');
  await page.evaluate(() => { window.notReloaded = true; });
  await page.clock.fastForward('00:59');
  assert.equal(await page.getByTestId('on-call-now').innerText(), 'Alice', 'still Alice at 08:59:59');
  await page.clock.fastForward('00:02');
  await page.getByTestId('on-call-now').filter({ hasText: 'Diana' }).waitFor();
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
  assert.match(await page.locator('main').innerText(), /since Mon 30 Nov 2026, 09:00 EST/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('instants are shown in the team zone and in the viewer\'s own zone', async () => {
  const context = await site.browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'de-DE' });
  const page = await openAt(context, site.url + '/', NY.thanksgiving, '[data-testid="on-call-now"]');
  const span = await page.locator('.week-span').innerText();
  assert.match(span, /Mon 23 Nov 2026, 09:00 EST/);
  assert.match(span, /your time: Mon, 23 Nov 2026, 15:00 (CET|GMT\+1)/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('before the rotation starts, the Now view says when it starts', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/', '2025-12-01T12:00:00-05:00', '[data-testid="on-call-now"]');
  assert.equal(await page.getByTestId('on-call-now').innerText(), 'Nobody yet');
  assert.match(await page.locator('main').innerText(), /starts Mon 29 Dec 2025, 09:00 EST/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

// A phone that slept through the handoff: its timers did not run, so the page must catch up
// the moment it is shown again. The clock is paused and moved with setSystemTime, which fires
// no timers, so only the page's own reaction to the event can change the view.
for (const [event, dispatch] of [
  ['visibilitychange', () => document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))],
  ['pageshow', () => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))],
]) {
  test(`a page shown again after the handoff (${event}) shows the new engineer at once`, async () => {
    const context = await site.browser.newContext();
    const page = await openAt(context, site.url + '/', NY.beforeHandoff, '[data-testid="on-call-now"]', { clock: 'paused' });
    assert.equal(await page.getByTestId('on-call-now').innerText(), 'Alice');
    await page.clock.setSystemTime(new Date('2026-11-30T09:30:00-05:00'));
    assert.equal(await page.getByTestId('on-call-now').innerText(), 'Alice', 'no timer has run yet');
    await page.evaluate(dispatch);
    // "At once" means with no timer: the clock is paused, so however long the machine takes,
    // only the reaction to the event can show Diana, and the page's time has not moved.
    await page.getByTestId('on-call-now').filter({ hasText: 'Diana' }).waitFor();
    assert.equal(await page.evaluate(() => Date.now()), Date.parse('2026-11-30T09:30:00-05:00'), 'the clock stood still');
    assert.match(await page.locator('main').innerText(), /since Mon 30 Nov 2026, 09:00 EST/);
    assert.deepEqual(page.problems, []);
    await context.close();
  });
}
