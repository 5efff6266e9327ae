// Data that tries to inject (tests/fixtures/hostile-data, built into target/dist-hostile by
// scripts/test): markup, <script>, event handlers, javascript: links, a right-to-left override,
// zero-width characters and a terminal escape sequence in names, descriptions and runbook text.
// Every page shows it as inert text, within the Content-Security-Policy; the feeds escape it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openAt, startServer, DIST_HOSTILE, ROOT, NY, TEST_LIMIT_MS } from './support.mjs';

const FIXTURE = join(ROOT, 'tests/fixtures/hostile-data');
const fixture = (file) => JSON.parse(readFileSync(join(FIXTURE, file), 'utf8'));
const team = fixture('team.json');
const name = Object.fromEntries(team.engineers.map((e) => [e.slug, e.name]));
const pipeline = fixture('pipelines.json').find((p) => p.slug === 'aggregate-profit');
const runbook = fixture('runbooks.json').find((r) => r.pipeline === 'aggregate-profit');
const drift = runbook.failure_points.find((f) => f.slug === 'schema-drift');
const thanksgiving = fixture('holidays.json')[0].rules.find((r) => r.name.startsWith('Thanksgiving')).name;
const [leave] = fixture('leave.json');
const [decision] = fixture('decisions.json');

/** Text each page must show exactly as written in the data. */
const expected = {
  '/': [team.name, name.alice, name.diana, thanksgiving],
  '/people/alice': [name.alice, team.engineers[0].contact],
  '/people/bob': [name.bob, team.engineers[1].contact, leave.note],
  '/people/charlie': [name.charlie],
  '/people/diana': [name.diana],
  '/pipelines': [pipeline.name, pipeline.area],
  '/pipelines/aggregate-profit': [pipeline.name, pipeline.description],
  '/runbooks': [pipeline.name],
  '/runbooks/aggregate-profit#schema-drift': [runbook.summary, drift.title, drift.description, ...drift.signals, ...drift.first_checks],
  '/schedule?week=2026-W47&weeks=8': [name.charlie, name.diana, thanksgiving, leave.note, decision.note],
  '/fairness': [name.alice, name.bob, name.charlie, name.diana],
};

let server;
let browser;
before(async () => {
  assert.ok(existsSync(join(DIST_HOSTILE, 'index.html')), `${DIST_HOSTILE} is missing: scripts/test builds it`);
  server = await startServer(DIST_HOSTILE);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every page path of the build, and the paths with text expectations. */
function routes() {
  const built = readdirSync(DIST_HOSTILE, { recursive: true })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => '/' + f.replace(/\/?index\.html$/, ''));
  return [...new Set([...built, ...Object.keys(expected)])];
}

/** What the data could have injected: elements, handlers, links and scripts that ran. */
function injected() {
  const found = [...document.querySelectorAll('script, img, iframe, object, embed, svg, style, meta, b, i, u, body a[href^="javascript:" i]')]
    .filter((el) => document.body.contains(el))
    .map((el) => el.outerHTML.slice(0, 80));
  for (const el of document.body.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) if (attr.startsWith('on')) found.push(`${el.tagName} ${attr}`);
  }
  if ('pwned' in window) found.push(`a script ran: ${window.pwned}`);
  return found;
}

/**
 * Waits for the page's final state: every image (an injected one included) has loaded or
 * failed, and a task has run after that, so an error handler it queued has fired.
 */
async function settled(page) {
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  await page.evaluate(() => new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  }));
}

test('hostile data renders as inert, readable text on every page, within the CSP', { timeout: TEST_LIMIT_MS }, async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const paths = routes();
  assert.ok(paths.length >= 18, `pages: ${paths}`);
  for (const path of paths) {
    const page = await openAt(context, server.url + path, NY.thanksgiving, 'main h1:not(:empty)', { clock: 'paused' });
    // Search results show the same text (titles of pipelines, failure points and people).
    await page.getByRole('searchbox').fill('window');
    await page.locator('#search-results li').first().waitFor();
    await settled(page);
    assert.deepEqual(await page.evaluate(injected), [], `${path}: nothing injected`);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), [], `${path}: no CSP violations`);
    const shown = await page.locator('main').innerText();
    for (const text of expected[path] ?? []) assert.ok(shown.includes(text), `${path} shows ${JSON.stringify(text)}`);
    assert.equal(await page.locator('main h1').isVisible(), true, `${path}: the page is visible`);
    const results = await page.locator('#search-results').innerText();
    assert.match(results, /<script>window\.pwned/, `${path}: search results show the text`);
    assert.deepEqual(page.problems, [], path);
    await page.close();
  }
  await context.close();
});

test('a direction override in a name does not reorder the words after it', async () => {
  const context = await browser.newContext();
  const page = await openAt(context, server.url + '/runbooks/aggregate-profit', NY.thanksgiving, '[data-step="secondary"]', { clock: 'paused' });
  // The escalation line: "Secondary owner Charlie <U+202E>gnp.exe" and then Charlie's contact
  // note. The name ends in an override that, unchecked, would run on over the words after it.
  const [open, close] = await page.locator('[data-step="secondary"]').evaluate((step) => {
    const walker = document.createTreeWalker(step, NodeFilter.SHOW_TEXT);
    while (walker.nextNode() && !walker.currentNode.data.includes('No contact on file'));
    const text = walker.currentNode;
    const left = (i) => {
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      return range.getBoundingClientRect().left;
    };
    const at = text.data.indexOf('No contact');
    return [left(at), left(at + 'No contact'.length - 1)];
  });
  assert.ok(open < close, `"No contact" reads left to right (“N” at ${open}px, “t” at ${close}px)`);
  assert.deepEqual(page.problems, []);
  await context.close();
});

/** RFC 5545 TEXT as the feeds must write it. */
const icsText = (s) => s.replace(/\p{Cc}/gu, (c) => (c === '\n' ? '\n' : c === '\t' ? '\t' : ''))
  .replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');

test('the calendar feeds carry the text escaped, without control characters', () => {
  const dir = join(DIST_HOSTILE, 'calendar');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ics'))) {
    const raw = readFileSync(join(dir, file), 'utf8');
    assert.doesNotMatch(raw.replace(/\r\n/g, ''), /[\p{Cc}--[\t]]/v, `${file}: control characters`);
    const unfolded = raw.replace(/\r\n[ \t]/g, '');
    assert.ok(unfolded.includes(`\r\nX-WR-CALNAME:${icsText(team.name)}`), `${file} names the team`);
    const slug = file.replace(/\.ics$/, '');
    if (slug !== 'team') assert.ok(unfolded.includes(icsText(name[slug])), `${file} names ${slug}`);
  }
  const teamFeed = readFileSync(join(dir, 'team.ics'), 'utf8').replace(/\r\n[ \t]/g, '');
  assert.ok(teamFeed.includes(icsText(thanksgiving)), 'the holiday name, escaped');
});
