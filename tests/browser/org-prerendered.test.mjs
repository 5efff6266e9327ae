// An organisation's pages carry their content in their HTML too (issue 18), rendered at build
// time by the app's own views from the files the app would fetch (src/prerender.rs): with the
// wasm blocked, each route kind of examples/org (built into target/dist-org as of 2026-11-29)
// shows what it is about, and nothing says who was on call when the site was built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT, useSites } from './support.mjs';

const site = useSites(before, after, { org: join(ROOT, 'target/dist-org') });

// Payments hands over on Tuesdays at 10:00 London time: Heidi's week ends on Tue 8 Dec 2026
// (see org.test.mjs), and Ivan's begins.
const HEIDI = '2026-12-08T09:59:00Z';
const IVAN = '2026-12-08T10:01:00Z';

/** A page whose wasm never arrives, at `instant`. */
async function withoutWasm(path, instant = HEIDI) {
  const context = await site.browser.newContext({ timezoneId: 'America/New_York' });
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await context.newPage();
  await page.clock.install({ time: new Date(instant) });
  await page.goto(site.org.url + path);
  return page;
}

/** Each route kind, its heading and words its content must hold. */
const ROUTES = [
  ['/teams/payments/pipelines', 'Pipelines and owners', /Payment Reconciliation\s+investor\s+Heidi\s+Ivan\s+Runbook/],
  ['/teams/payments/runbooks', 'Runbooks', /Payment Reconciliation/],
  ['/teams/payments/schedule', /^Schedule: 2026-W48 to 2027-W06$/, /Week\s+On call\s+Holidays, swaps, conflicts/],
  ['/teams/payments/fairness', 'Fairness in 2026', /Heidi[\s\S]*Ivan[\s\S]*Judy/],
  ['/teams/payments/people', 'People', /Heidi\s+Ivan\s+Judy/],
  ['/pipelines/payment-reconciliation', 'Payment Reconciliation investor', /Who to call, in order[\s\S]*Primary owner\s+Heidi/],
  ['/runbooks/payment-reconciliation', 'Payment Reconciliation runbook', /finance team's 09:00 review/],
  ['/people', 'People', /Alice\s+Bob\s+Charlie[\s\S]*Judy/],
  ['/people/bob', 'Bob', /Teams\s+Data Engineering\s+Platform\s+Fairness in 2026/],
  ['/pipelines', 'Which team?', /Data Engineering\s+Platform\s+Payments/],
];

test("every route kind of an organisation shows its content with the wasm blocked", async () => {
  for (const [path, heading, content] of ROUTES) {
    const page = await withoutWasm(path);
    const h1 = await page.locator('main h1').innerText();
    if (heading instanceof RegExp) assert.match(h1, heading, path);
    else assert.equal(h1, heading, path);
    assert.match(await page.locator('main').innerText(), content, path);
    assert.notEqual(await page.title(), 'rota · on call', `${path} has its own title`);
    if (path.endsWith('/schedule')) assert.equal(await page.locator('tr[data-week]').count(), 12);
    await page.context().close();
  }
});

test("a person's page leaves out the shifts ahead, which depend on when it is read", async () => {
  const page = await withoutWasm('/people/bob');
  assert.equal(await page.getByTestId('person-timeline').count(), 0);
  assert.deepEqual(await page.getByTestId('person-teams').locator('li').allInnerTexts(), ['Data Engineering', 'Platform']);
  await page.context().close();
});

test("a pipeline's escalation line names who is on call in its team when the page is read", async () => {
  for (const [instant, name] of [[HEIDI, 'Heidi'], [IVAN, 'Ivan']]) {
    const page = await withoutWasm('/runbooks/payment-reconciliation', instant);
    const onCall = page.locator('[data-step="on-call"]');
    assert.equal(await onCall.count(), 1, "the other engineers' steps are gone");
    assert.match(await onCall.innerText(), new RegExp(`^On call now\\s+${name}\\b`), instant);
    await page.context().close();
  }
});
