// Thousands of hostile and far-out links, generated from a fixed seed: edge-case and random
// paths, weeks and week counts, what-if values, slugs, years and fragments. Each must show its
// view or the app's explanation: no panic, no uncaught or console error, no blank page.
// The links are split into shards, each a page of its own that is reused and navigated
// client-side (as links inside the app are), with every fortieth link opened cold (unless it
// is longer than static hosts accept: 8 KB). The run is bounded by the number of links, not by
// the clock: two shards at a time (the machine has two cores), and a generous limit per link
// that only a hung page reaches, so a busy machine makes the run slower, never red.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openAt, NY } from './support.mjs';

const site = useSite(before, after);
const LINKS = 2000;
const SHARDS = 8;
const SHARDS_AT_ONCE = 2;
/** Longer than any link takes on a loaded 2-core machine (a cold load takes seconds there). */
const PER_LINK_MS = 90_000;
const COLD_EVERY = 40;
/** Static hosts refuse longer request lines (nginx's default buffer is 8 KB). */
const MAX_COLD_LENGTH = 8000;

/** mulberry32: a small PRNG, so every run tries the same links. */
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261129);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const pick = (list) => list[int(0, list.length - 1)];
const some = (n, make) => Array.from({ length: n }, make);
const pad = (n, width) => String(n).padStart(width, '0');

const EDGE_WEEKS = ['2026-W00', '2026-W54', '0000-W01', '9999-W52', '2026-W53', '2027-W53', '2025-W52', '2026-W01',
  '2036-W52', '2037-W01', '2026-w48', '2026-W4', '2026-W048', '-2026-W01', '+2026-W01', '2026W48', 'W48', '', '٢٠٢٦-W48'];
const EDGE_NUMBERS = ['0', '-1', '1', '104', '105', '4294967295', '4294967296', '-9223372036854775808', '1e3', '1.5',
  'NaN', 'Infinity', '', ' 12', '0x10', '١٢', '9'.repeat(400)];
const SLUGS = ['alice', 'bob', 'charlie', 'diana', 'profit', 'aggregate-profit', 'aggregate-growth', 'daily-growth',
  'aggregate-engagement'];
const HOSTILE = ['..', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%2F', '%252F', '%00', '%E0%A4%A', '%', '%zz', '<script>alert(1)</script>',
  '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', 'javascript:alert(1)', '%F0%9F%92%A9', '\u202Eevil', 'a'.repeat(3000),
  'ALICE', 'alice ', ' alice', 'alice%20', 'alice;', '__proto__', 'constructor', 'null', 'undefined'];
const PEOPLE = ['alice', 'bob', 'charlie', 'diana', 'zed', '', 'ALICE', '__proto__', '<b>'];
/**
 * The horizon's ends (2026-W01, from Monday 29 December 2025, to 2036-W52, to Sunday 28 December
 * 2036, as of the tests' clock) and the days and weeks either side.
 */
const HORIZON_DATES = ['2025-12-28', '2025-12-29', '2036-12-28', '2036-12-29'];
const HORIZON_WEEKS = ['2025-W52', '2026-W01', '2036-W52', '2037-W01'];

function date() {
  return pick([
    () => `${pad(int(2025, 2040), 4)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`,
    () => `${pad(int(0, 9999), 4)}-${pad(int(0, 13), 2)}-${pad(int(0, 32), 2)}`,
    () => pick(['2026-02-29', '2028-02-29', '2026-02-30', '9999-12-31', '0000-01-01', '+10000-01-01', '-0001-01-01',
      '262143-12-31', '2026-1-1', '2026/01/01', '']),
  ])();
}
function week() {
  if (random() < 0.1) return pick(HORIZON_WEEKS);
  return random() < 0.5 ? pick(EDGE_WEEKS) : `${pad(int(0, 9999), 4)}-W${pad(int(0, 99), 2)}`;
}
/** A wall-clock minute as what-if covers write it, sometimes malformed. */
function minute() {
  return pick([
    () => `${date()}T${pad(int(0, 23), 2)}:${pad(int(0, 59), 2)}`,
    () => `${date()}T${pick(['24:00', '9:00', '09:60', '09', ''])}`,
    () => date(),
  ])();
}
function cover() {
  return pick([
    () => `${pick(PEOPLE)}:${minute()}..${minute()}`,
    () => `${pick(PEOPLE)}:${pick(HORIZON_DATES)}T10:00..${pick(HORIZON_DATES)}T20:00`,
    () => pick(HOSTILE),
  ])();
}
function leave() {
  return pick([
    () => `${pick(PEOPLE)}:${date()}..${date()}`,
    () => `${pick(PEOPLE)}:${pick(HORIZON_DATES)}..${pick(HORIZON_DATES)}`,
    () => `${pick(PEOPLE)}:${date()}`,
    () => `${pick(PEOPLE)}:${date()}..${date()}..${date()}`,
    () => `${pick(PEOPLE)}::..`,
    () => 'alice:2026-12-01..2026-12-10'.repeat(int(2, 400)),
    () => pick(HOSTILE),
  ])();
}
/** A query value: usually encoded, sometimes raw (as a person might paste it). */
const value = (v) => (random() < 0.8 ? encodeURIComponent(v) : v);

function query() {
  const params = [];
  const n = int(0, 4);
  for (let i = 0; i < n; i++) {
    params.push(pick([
      () => `week=${value(week())}`,
      () => `weeks=${value(pick(EDGE_NUMBERS.concat(String(int(-200, 300)))))}`,
      () => some(int(1, 30), () => `leave=${value(leave())}`).join('&'),
      () => some(int(1, 30), () => `keep=${value(week())}`).join('&'),
      () => some(int(1, 5), () => `cover=${value(cover())}`).join('&'),
      () => `year=${value(pick(EDGE_NUMBERS.concat(String(int(-5, 3000)), String(int(2020, 2090)))))}`,
      () => pick(['', '&', '&&', '=', 'week', 'week=', 'leave', '%=%', 'a=b=c', `${pick(HOSTILE)}=${pick(HOSTILE)}`]),
    ])());
  }
  return params.length ? '?' + params.join('&') : pick(['', '?']);
}
function path() {
  return pick([
    () => '/',
    () => '/schedule',
    () => '/schedule',
    () => '/fairness',
    () => `/${pick(['people', 'pipelines', 'runbooks'])}`,
    () => `/${pick(['people', 'pipelines', 'runbooks'])}/${pick(SLUGS)}`,
    () => `/${pick(['people', 'pipelines', 'runbooks'])}/${pick(HOSTILE)}`,
    () => `/${pick(['people', 'pipelines', 'runbooks', 'schedule', 'fairness', 'calendar'])}/${pick(SLUGS.concat(HOSTILE))}/${pick(SLUGS.concat(HOSTILE, ['']))}`,
    () => `/${pick(HOSTILE)}`,
    () => pick(['//', '///schedule', '/schedule/', '/Schedule', '/people/', '/index.html', '/404.html', '/sw.js/x',
      '/./schedule', '/people/../pipelines', '/people/%2e%2e/pipelines', '/%2F%2Fexample.com']),
  ])();
}
function fragment() {
  if (random() < 0.7) return '';
  return '#' + pick(['', 'schema-drift', 'schema-drfit', 'duplicate-user-ids', 'main', '%00', '%', '<script>', '\u202E',
    'x'.repeat(2000), 'a#b', encodeURIComponent(pick(HOSTILE))]);
}

/** The fixed edge cases first, then random links up to LINKS. */
function links() {
  const fixed = [
    ...EDGE_WEEKS.map((w) => `/schedule?week=${encodeURIComponent(w)}`),
    ...EDGE_NUMBERS.map((n) => `/schedule?weeks=${encodeURIComponent(n)}`),
    ...EDGE_NUMBERS.map((n) => `/fairness?year=${encodeURIComponent(n)}`),
    '/schedule?week=2036-W52&weeks=104', '/schedule?week=2036-W40&weeks=52',
    `/schedule?${some(21, (_, i) => `keep=2026-W${pad(i + 1, 2)}`).join('&')}`,
    `/people/alice?${some(100, () => 'leave=alice:2026-12-01..2026-12-02').join('&')}`,
    // What-if values at and past both ends of the horizon, on every page that previews.
    ...['/', '/schedule?week=2036-W49', '/people/bob', '/fairness?year=2035'].flatMap((path) => [
      ...HORIZON_WEEKS.map((w) => `keep=${w}`),
      ...HORIZON_DATES.map((d) => `leave=bob:${d}..${d}`),
      ...HORIZON_DATES.map((d) => `cover=alice:${d}T10:00..${d}T20:00`),
      'keep=9999-W52', 'leave=alice:9999-12-01..9999-12-05', 'cover=bob:9999-12-01T10:00..9999-12-02T10:00',
    ].map((what) => `${path}${path.includes('?') ? '&' : '?'}${what}`)),
  ];
  const made = [];
  while (fixed.length + made.length < LINKS) made.push(path() + query() + fragment());
  return [...fixed, ...made];
}

/**
 * What the page shows: its h1, and the weeks it answers for — its rows and a preview's answer.
 * (A row's explanation may name a swap's return week past the horizon: it explains a week inside.)
 */
function shown() {
  const main = document.querySelector('main');
  const weeks = [...(main?.querySelectorAll('tr[data-week]') ?? [])].map((row) => row.dataset.week);
  return {
    heading: main?.querySelector('h1')?.textContent.trim() ?? '',
    text: `${weeks.join(' ')}\n${main?.querySelector('[data-testid="preview-effects"]')?.innerText ?? ''}`,
  };
}

/** Client-side navigation, as the app's own links do it; resolves once the app has reacted. */
function navigate(url) {
  history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  // A message is a task of its own, which runs after the app's reactive updates (microtasks)
  // and needs no timer: the page's clock is paused.
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  });
}

/** The horizon's last week, ten years after the tests' clock (late 2026). */
const LAST_WEEK = '2036-W52';

/** What is wrong with the page showing `heading` and `text`, if anything. */
function problemOf(page, { heading, text }) {
  if (page.problems.length) return page.problems.join('; ');
  if (!heading || /Loading/.test(heading)) return `blank page (h1 “${heading}”)`;
  // ISO week names compare as text (four-digit years; longer ones are past the horizon too).
  const past = [...`${heading}\n${text}`.matchAll(/(\d+)-W\d\d/g)].map((m) => m[0])
    .find((w) => w.length > LAST_WEEK.length || w > LAST_WEEK);
  if (past) return `a week past the horizon (${past}) on the page (h1 “${heading}”)`;
  return null;
}

/** `promise`, or a rejection once `ms` have passed (a hung page, not a slow one). */
function within(ms, promise) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Tries `shard` (pairs of [index, link]) in one page of its own; returns what failed. */
async function tryShard(shard) {
  // A cold start gets a context of its own (the clock belongs to the context).
  let context;
  let page;
  const open = async (path) => {
    await context?.close();
    context = await site.browser.newContext();
    page = await openAt(context, site.url + path, NY.thanksgiving, 'main h1:not(:empty)', { clock: 'paused' });
  };
  await open('/');
  const failures = [];
  let cold = 0;
  for (const [i, link] of shard) {
    let problem;
    try {
      let seen;
      if (i % COLD_EVERY === 0 && link.length <= MAX_COLD_LENGTH) {
        cold += 1;
        await within(PER_LINK_MS, open(link));
        seen = await page.evaluate(shown);
      } else {
        await within(PER_LINK_MS, page.evaluate(navigate, site.url + link));
        seen = await page.evaluate(shown);
      }
      problem = problemOf(page, seen);
    } catch (error) {
      problem = error.message.split('\n')[0];
    }
    if (problem) {
      failures.push(`${link.slice(0, 200)}: ${problem.slice(0, 300)}`);
      // A panic stops the app: go on with a fresh page.
      await open('/');
    }
  }
  await context.close();
  return { failures, cold };
}

test(`${LINKS} generated hostile links each show a view or an explanation`, async (t) => {
  const started = Date.now();
  const all = [...links().entries()];
  const shards = Array.from({ length: SHARDS }, (_, s) => all.filter(([i]) => i % SHARDS === s));
  const results = [];
  await Promise.all(Array.from({ length: SHARDS_AT_ONCE }, async () => {
    while (shards.length) results.push(await tryShard(shards.shift()));
  }));
  const failures = results.flatMap((r) => r.failures);
  const cold = results.reduce((sum, r) => sum + r.cold, 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  t.diagnostic(`hostile links tried: ${all.length} (${cold} opened cold) in ${seconds} s, ${SHARDS_AT_ONCE} pages at a time`);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} of ${all.length} links failed`);
});
