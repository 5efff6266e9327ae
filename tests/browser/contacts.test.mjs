// Knowing how to reach people, and subscribing to calendars. The later deploy (target/dist-v2)
// has the example contacts of tests/fixtures/contacts/: Alice has a phone, an e-mail address, a
// chat handle and a PagerDuty page; Charlie only the older free-text note; Bob and Diana
// nothing; the team's fallback is a chat channel and a phone bridge (scripts/test). At Thanksgiving 2026 Alice is on call (covering Diana's holiday week);
// aggregate-profit's primary owner is Bob and its secondary Charlie (checked by hand in data/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openAt, useSites, DIST, DIST_V2, NY } from './support.mjs';

const site = useSites(before, after, { v2: DIST_V2, main: DIST });

const ALICE_LINKS = [
  ['Phone', '+1 555 0100', 'tel:+15550100'],
  ['E-mail', 'alice@example.com', 'mailto:alice@example.com'],
  ['Chat', '@alice', 'https://chat.example.com/alice'],
  ['PagerDuty', 'https://pagerduty.example.com/users/alice', 'https://pagerduty.example.com/users/alice'],
];

const TEAM_FALLBACK = [
  ['Chat', '#data-oncall', 'https://chat.example.com/data-oncall'],
  ['Phone bridge', '+1 555 0199', 'tel:+15550199'],
];

/** [label, link text, href] of every contact in `list` (a ul.contacts locator). */
function contactLinks(list) {
  return list.locator('li[data-kind]').evaluateAll((items) => items.map((li) => {
    const a = li.querySelector('a');
    return [li.querySelector('.contact-label').textContent, a?.textContent, a?.getAttribute('href')];
  }));
}

/** Every contact link in `scope` opens safely: rel=noopener, and web pages in a new tab. */
async function assertSafeLinks(scope) {
  const links = await scope.locator('.contacts a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.rel, a.target]));
  assert.ok(links.length > 0, 'some contact links');
  for (const [href, rel, target] of links) {
    assert.match(href, /^(tel:|mailto:|https:\/\/)/, href);
    assert.match(rel, /\bnoopener\b/, href);
    assert.equal(target, href.startsWith('https:') ? '_blank' : '', href);
  }
}

/** [step, engineer slug] of each step of the escalation line. */
const steps = (page) => page.getByTestId('escalation').locator(':scope > li').evaluateAll((items) =>
  items.map((li) => [li.dataset.step, li.dataset.engineer]));

test('the Now view shows how to reach whoever is on call, as tel:, mailto: and web links', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.v2.url + '/', NY.thanksgiving, '[data-testid="on-call-now"]');
  assert.equal(await page.getByTestId('on-call-now').innerText(), 'Alice');
  const now = page.locator('section.now');
  assert.deepEqual(await contactLinks(now.getByTestId('contacts')), ALICE_LINKS);
  await assertSafeLinks(now);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a pipeline page gives the escalation line in order: on call now, primary, secondary, each with contacts', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.v2.url + '/pipelines/aggregate-profit', NY.thanksgiving, '[data-testid="escalation"]');
  assert.deepEqual(await steps(page), [['on-call', 'alice'], ['primary', 'bob'], ['secondary', 'charlie']]);
  const [onCall, primary, secondary] = await page.getByTestId('escalation').locator(':scope > li').all();
  assert.match(await onCall.innerText(), /^On call now Alice/);
  assert.deepEqual(await contactLinks(onCall.getByTestId('contacts')), ALICE_LINKS);
  assert.match(await primary.innerText(), /^Primary owner Bob/);
  assert.equal(await primary.getByTestId('no-contacts').innerText(), 'No contact on file');
  assert.deepEqual(await contactLinks(primary.getByTestId('fallback-contacts')), TEAM_FALLBACK);
  assert.match(await secondary.innerText(), /^Secondary owner Charlie\s+Note: Desk phone 4417, mornings$/);
  await assertSafeLinks(page.locator('main'));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the first step of the escalation line changes hands at the handoff', async () => {
  const context = await site.browser.newContext();
  // Paused: a minute before the handoff, however long loading takes.
  const page = await openAt(context, site.v2.url + '/runbooks/aggregate-profit', NY.beforeHandoff, '[data-testid="escalation"]', { clock: 'paused' });
  assert.deepEqual(await steps(page), [['on-call', 'alice'], ['primary', 'bob'], ['secondary', 'charlie']]);
  assert.deepEqual(await contactLinks(page.getByTestId('escalation').getByTestId('contacts').first()), ALICE_LINKS);
  await page.clock.fastForward(60_000); // Mon 30 Nov 09:00: Diana takes over
  await page.locator('[data-testid="escalation"] > li[data-engineer="diana"]').waitFor();
  assert.deepEqual(await steps(page), [['on-call', 'diana'], ['primary', 'bob'], ['secondary', 'charlie']]);
  assert.equal(await page.locator('[data-step="on-call"] [data-testid="no-contacts"]').innerText(), 'No contact on file');
  assert.deepEqual(await contactLinks(page.locator('[data-step="on-call"]').getByTestId('fallback-contacts')), TEAM_FALLBACK);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("a person page lists the contacts, or says there are none on file and offers the team's", async () => {
  const context = await site.browser.newContext();
  const alice = await openAt(context, site.v2.url + '/people/alice', NY.thanksgiving, '[data-testid="contacts"]');
  assert.deepEqual(await contactLinks(alice.locator('.owners').getByTestId('contacts')), ALICE_LINKS);
  await assertSafeLinks(alice.locator('main'));
  const bob = await openAt(context, site.v2.url + '/people/bob', NY.thanksgiving, '[data-testid="no-contacts"]');
  assert.match(await bob.locator('.owners').innerText(), /Contact\s+No contact on file\s+Reach the team instead:/);
  assert.deepEqual(await contactLinks(bob.locator('.owners').getByTestId('fallback-contacts')), TEAM_FALLBACK);
  assert.deepEqual([...alice.problems, ...bob.problems], []);
  await context.close();
});

test('without any contacts in the data, every escalation step says "No contact on file", and no page talks of the data file', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.main.url + '/runbooks/aggregate-growth', NY.thanksgiving, '[data-testid="escalation"]');
  assert.deepEqual(await steps(page), [['on-call', 'alice'], ['primary', 'charlie'], ['secondary', 'diana']]);
  const missing = await page.getByTestId('escalation').getByTestId('no-contacts').allInnerTexts();
  assert.deepEqual(missing, ['No contact on file', 'No contact on file', 'No contact on file']);
  assert.equal(await page.locator('.contacts a').count(), 0);
  assert.equal(await page.getByTestId('fallback-contacts').count(), 0, 'the seed data sets no team fallback');
  for (const path of ['/', '/pipelines/aggregate-growth', '/people/bob']) {
    const other = await openAt(context, site.main.url + path, NY.thanksgiving, '[data-testid="no-contacts"]');
    assert.doesNotMatch(await other.locator('main').innerText(), /team\.json|engineers\[/, path);
    assert.deepEqual(other.problems, [], path);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('at 3 a.m. on a 360 px phone, "No contact on file" is one line under the on-call name, in the first screen', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme });
    const page = await openAt(context, site.main.url + '/', '2026-11-26T03:00:00-05:00', '[data-testid="no-contacts"]');
    const line = page.locator('section.now').getByTestId('no-contacts');
    assert.equal(await line.innerText(), 'No contact on file');
    const box = await line.boundingBox();
    const lineHeight = await line.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    assert.ok(box.height < lineHeight * 1.5, `one line (${box.height}px, line height ${lineHeight}px)`);
    assert.ok(box.y + box.height <= 740, `in the first screen (ends at ${box.y + box.height}px)`);
    const name = await page.getByTestId('on-call-now').boundingBox();
    assert.ok(name.y < box.y, 'under the on-call name');
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});

/** Checks the calendar section on `page`: the address to paste, webcal, download, app steps. */
async function assertCalendarSection(page, origin, file) {
  const section = page.locator('section.calendar-subscribe');
  const address = await section.getByTestId('feed-url').inputValue();
  assert.equal(address, `${origin}/calendar/${file}`);
  assert.equal(await section.getByTestId('feed-url').getAttribute('readonly'), '');
  const feed = await page.request.get(address);
  assert.equal(feed.status(), 200);
  assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n/);
  const webcal = await section.getByRole('link', { name: /^Subscribe to / }).getAttribute('href');
  assert.equal(webcal, address.replace(/^https?:/, 'webcal:'));
  assert.equal(await section.getByRole('link', { name: 'download the .ics file' }).getAttribute('download'), file);
  const text = await section.innerText();
  assert.match(text, /Google Calendar: Other calendars → \+ → From URL, paste the address; Google refreshes it about every 12–24 hours\./);
  assert.match(text, /Outlook: Add calendar → Subscribe from web, paste the address\./);
  assert.match(text, /Apple Calendar: File → New Calendar Subscription, paste the address/);
  return section;
}

test("a person page offers the feed's address to paste, with a copy button, webcal, download and app steps", async () => {
  const context = await site.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await openAt(context, site.main.url + '/people/diana', NY.thanksgiving, 'section.calendar-subscribe');
  const section = await assertCalendarSection(page, site.main.url, 'diana.ics');
  await section.getByRole('button', { name: "Copy link to Diana's on-call calendar" }).click();
  await page.waitForFunction(
    async (expected) => (await navigator.clipboard.readText()) === expected,
    `${site.main.url}/calendar/diana.ics`,
  );
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the schedule page links the team feed the same way, and leaves it out of print', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.main.url + '/schedule?week=2026-W48&weeks=4', NY.thanksgiving, 'section.calendar-subscribe');
  const section = await assertCalendarSection(page, site.main.url, 'team.ics');
  assert.equal(await section.getByRole('link', { name: /^Subscribe to / }).innerText(), "Subscribe to the team's on-call calendar");
  // A printed schedule is for reading, not subscribing.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await section.isVisible(), false);
  assert.deepEqual(page.problems, []);
  await context.close();
});
