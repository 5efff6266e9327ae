// A team that changes over time, in the browser: covers at the minute they start and end, a
// cover= preview from a cold link, and the schedule, person pages and feeds of the later
// deploy (target/dist-v2), which records the README's worked examples: Charlie covers Bob
// Wed 9 Dec 2026 18:00 – Fri 11 Dec 09:00, Charlie and Bob trade 2027-W02 and 2027-W05, and
// Eve joins after Bob from 2027-W10.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openAt, scheduleRows, useSites, DIST, DIST_V2, NY } from './support.mjs';

const site = useSites(before, after, { v2: DIST_V2, main: DIST });

const nowName = (page) => page.getByTestId('on-call-now').innerText();

test('the Now view changes hands the minute a cover starts and the minute it ends', async () => {
  const context = await site.browser.newContext();
  // Paused: under load, a running clock passes the cover's end while the test looks at the
  // name a second before it (a fresh clone's run with the CPU busy saw Bob there).
  const page = await openAt(context, site.v2.url + '/', '2026-12-09T17:59:00-05:00', '[data-testid="on-call-now"]', { clock: 'paused' });
  assert.equal(await nowName(page), 'Bob');
  assert.equal(await page.getByTestId('on-call-next').innerText(), 'Charlie');
  assert.match(await page.locator('.next').innerText(), /from Wed 9 Dec 2026, 18:00 EST/);

  await page.clock.fastForward(60_000); // 18:00:00: the timer set for the cover's start fires
  await page.getByTestId('on-call-now').filter({ hasText: 'Charlie' }).waitFor();
  assert.equal(
    await page.getByTestId('covering').innerText(),
    "Charlie covers Wed 9 Dec 18:00 – Fri 11 Dec 09:00 for Bob (Bob's school play)",
  );
  assert.match(await page.getByTestId('on-call-until').innerText(), /Fri 11 Dec 2026, 09:00 EST/);
  assert.equal(await page.getByTestId('on-call-next').innerText(), 'Bob');

  await page.clock.fastForward('38:59:59'); // Fri 08:59:59
  assert.equal(await nowName(page), 'Charlie', 'still Charlie a second before the cover ends');
  await page.clock.fastForward(2_000);
  await page.getByTestId('on-call-now').filter({ hasText: 'Bob' }).waitFor();
  assert.match(await page.getByTestId('on-call-until').innerText(), /Mon 14 Dec 2026, 09:00 EST/);
  assert.equal(await page.getByTestId('covering').count(), 0);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('a cover= preview link opened cold shows the cover, says it is a preview, and marks the week', async () => {
  const context = await site.browser.newContext();
  const cover = 'cover=diana:2026-11-26T12:00..2026-11-27T12:00';
  const page = await openAt(context, `${site.main.url}/?${cover}`, '2026-11-26T13:00:00-05:00', '[data-testid="on-call-now"]');
  assert.equal(await nowName(page), 'Diana');
  const text = await page.locator('main').innerText();
  assert.match(text, /Changed by the preview \(really Alice\)/);
  assert.match(text, /Preview — not the real schedule\. Assuming Diana on call from Thu 26 Nov 2026 12:00 to Fri 27 Nov 2026 12:00/);
  assert.match(text, /Diana covers Thu 26 Nov 12:00 – Fri 27 Nov 12:00 for Alice \(what-if preview\)/);
  // The link to the schedule keeps the preview, and there the week is marked as changed.
  await page.locator('.week-span a').click();
  await page.locator('tr[data-week="2026-W48"]').waitFor();
  assert.match(await page.locator('tr[data-week="2026-W48"]').getAttribute('class'), /changed/);
  assert.match(await page.locator('tr[data-week="2026-W48"]').getAttribute('class'), /covered/);
  assert.doesNotMatch(await page.locator('tr[data-week="2026-W49"]').getAttribute('class'), /changed/);
  assert.match(page.url(), /cover=diana(:|%3A)2026-11-26T12(:|%3A)00\.\.2026-11-27T12(:|%3A)00/);

  // A cover by someone the same link sends on leave cannot stand, and the page says why.
  const clash = `${site.main.url}/?leave=diana:2026-11-26..2026-11-27&${cover}`;
  const bad = await openAt(context, clash, '2026-11-26T13:00:00-05:00', 'main h1');
  assert.match(await bad.locator('main').innerText(), /Diana is on leave from 2026-11-26 to 2026-11-27, during this cover/);
  assert.deepEqual([...page.problems, ...bad.problems], []);
  await context.close();
});

test('the schedule shows covers, trades and roster changes with their reasons', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, `${site.v2.url}/schedule?week=2026-W50&weeks=1`, NY.thanksgiving, 'tr[data-week]');
  const w50 = page.locator('tr[data-week="2026-W50"]');
  assert.match(await w50.getAttribute('class'), /covered/);
  assert.match(await w50.innerText(), /Charlie covers Wed 9 Dec 18:00 – Fri 11 Dec 09:00 for Bob \(Bob's school play\)/);

  await page.goto(`${site.v2.url}/schedule?week=2027-W02&weeks=4`);
  await page.locator('tr[data-week="2027-W05"]').waitFor();
  // Hand-checked: the trade gives Bob W02 and Charlie W05; MLK Day swaps Diana and Alice.
  assert.deepEqual(await scheduleRows(page), [
    ['2027-W02', 'bob'], ['2027-W03', 'alice'], ['2027-W04', 'diana'], ['2027-W05', 'charlie'],
  ]);
  const trade = "Charlie and Bob trade weeks: Charlie takes 2027-W05 and Bob takes 2027-W02 (Charlie's ski trip)";
  assert.ok((await page.locator('tr[data-week="2027-W02"]').innerText()).includes(trade));
  assert.match(await page.locator('tr[data-week="2027-W02"]').innerText(), /instead of Charlie/);

  await page.goto(`${site.v2.url}/schedule?week=2027-W10&weeks=5`);
  await page.locator('tr[data-week="2027-W14"]').waitFor();
  assert.deepEqual(await scheduleRows(page), [
    ['2027-W10', 'charlie'], ['2027-W11', 'diana'], ['2027-W12', 'alice'], ['2027-W13', 'bob'], ['2027-W14', 'eve'],
  ]);
  const w10 = await page.locator('tr[data-week="2027-W10"]').innerText();
  assert.match(w10, /Eve joins the rotation from 2027-W10/);
  assert.match(w10, /Roster change: Eve joins after Bob/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('the Now view and person pages say when someone joins the rotation', async () => {
  const context = await site.browser.newContext();
  const now = await openAt(context, site.v2.url + '/', '2027-03-01T12:00:00-05:00', '[data-testid="on-call-now"]');
  assert.match(await now.getByTestId('roster-ahead').innerText(), /^Ahead: Eve joins the rotation from 2027-W10\./);

  const eve = await openAt(context, site.v2.url + '/people/eve', '2027-03-01T12:00:00-05:00', 'main h1');
  assert.equal(await eve.getByTestId('roster-notes').innerText(), 'Eve joins the rotation from 2027-W10');
  assert.ok((await scheduleRows(eve)).some(([week, who]) => week === '2027-W14' && who === 'eve'));

  // Charlie's page lists the week of Bob's he covers part of.
  const charlie = await openAt(context, site.v2.url + '/people/charlie', '2026-12-01T12:00:00-05:00', 'main h1');
  const w50 = charlie.locator('tr[data-week="2026-W50"]');
  assert.equal(await w50.count(), 1);
  assert.match(await w50.innerText(), /Charlie covers Wed 9 Dec 18:00 – Fri 11 Dec 09:00 for Bob/);
  assert.deepEqual([...now.problems, ...eve.problems, ...charlie.problems], []);
  await context.close();
});

test('the feeds carry one event per stretch actually worked', async () => {
  const team = await (await fetch(`${site.v2.url}/calendar/team.ics`)).text();
  const events = team.replace(/\r\n /g, '').split('BEGIN:VEVENT').slice(1).map((e) => ({
    uid: e.match(/\r\nUID:(.*)\r\n/)[1],
    start: e.match(/\r\nDTSTART:(.*)\r\n/)[1],
    end: e.match(/\r\nDTEND:(.*)\r\n/)[1],
    summary: e.match(/\r\nSUMMARY:(.*)\r\n/)[1],
  }));
  const w50 = events.filter((e) => e.uid.startsWith('2026-W50'));
  assert.deepEqual(w50.map((e) => [e.start, e.end, e.summary]), [
    ['20261207T140000Z', '20261209T230000Z', 'On call: Bob'],
    ['20261209T230000Z', '20261211T140000Z', 'On call: Charlie'],
    ['20261211T140000Z', '20261214T140000Z', 'On call: Bob'],
  ]);
  const charlie = await (await fetch(`${site.v2.url}/calendar/charlie.ics`)).text();
  assert.match(charlie, /DTSTART:20261209T230000Z\r\nDTEND:20261211T140000Z\r\n/);
  const bob = await (await fetch(`${site.v2.url}/calendar/bob.ics`)).text();
  assert.doesNotMatch(bob, /DTSTART:20261209T230000Z/);
  // The reminders of this deploy's team.json (a day and an hour before) alert before each
  // stretch, the cover included, in the personal feeds only.
  const cover = charlie.replace(/\r\n /g, '').split('BEGIN:VEVENT').find((e) => e.includes('\r\nDTSTART:20261209T230000Z\r\n'));
  assert.deepEqual([...cover.matchAll(/\r\nTRIGGER:(.*)\r\n/g)].map((m) => m[1]), ['-P1D', '-PT1H']);
  assert.match(cover, /\r\nDESCRIPTION:Charlie is on call for Data Engineering v2 in 1 hour: Wed 9 Dec 2026 18:00 to Fri 11 Dec 2026 09:00 \(America\/New_York\)\.\r\n/);
  assert.doesNotMatch(team, /VALARM/);
});
