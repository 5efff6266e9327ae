// The rebuild banner: absent while the build is fresh, on every page once the build's calendar
// feeds end within 8 weeks, and after they have ended. The build's own team feed says when it
// was built (DTSTAMP) and when its feeds end (the last DTEND); the banner must agree with it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, openAt, DIST } from './support.mjs';

const site = useSite(before, after);

const feed = readFileSync(join(DIST, 'calendar/team.ics'), 'utf8');
/** `20261129T160000Z` → a Date. */
const utc = (stamp) => new Date(stamp.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
const builtAt = utc(feed.match(/^DTSTAMP:(\S+)/m)[1]);
const feedsEnd = utc([...feed.matchAll(/^DTEND:(\S+)/gm)].at(-1)[1]);
/** The date in the team's zone, as YYYY-MM-DD. */
const teamDate = (date) => date.toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
const DAY = 24 * 3600 * 1000;
const banner = (verb) =>
  `This site was built on ${teamDate(builtAt)}; its calendar feeds ${verb} ${teamDate(feedsEnd)} — ask for a rebuild.`;

test('no banner at the build time, nor until 8 weeks before the feeds end', async () => {
  const context = await site.browser.newContext();
  for (const instant of [builtAt, new Date(feedsEnd - 57 * DAY)]) {
    const page = await openAt(context, site.url + '/', instant.toISOString(), '[data-testid="on-call-now"]');
    assert.equal(await page.locator('.rebuild-banner').count(), 0, `at ${instant.toISOString()}`);
    assert.deepEqual(page.problems, []);
  }
  await context.close();
});

test('from 8 weeks before the feeds end, the banner says when they end', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, site.url + '/schedule', new Date(feedsEnd - 56 * DAY).toISOString(), '.rebuild-banner');
  assert.equal(await page.locator('.rebuild-banner').innerText(), banner('end'));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('long after the feeds ended, every page says so', async () => {
  const context = await site.browser.newContext();
  for (const path of ['/', '/schedule', '/pipelines/aggregate-profit', '/runbooks/aggregate-growth', '/people/alice', '/fairness', '/no-such-page']) {
    const page = await openAt(context, site.url + path, '2099-06-01T12:00:00Z', '.rebuild-banner');
    assert.equal(await page.locator('.rebuild-banner').innerText(), banner('ended'), path);
    assert.equal(await page.locator('.rebuild-banner').getAttribute('role'), 'status', path);
    assert.deepEqual(page.problems, [], path);
    await page.close();
  }
  await context.close();
});
