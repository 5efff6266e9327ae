// "Download CSV" on the fairness and schedule pages: the file is made in the browser (offline
// too), saved under the site's Content-Security-Policy, and holds what the page shows, byte for
// byte what `rota export` writes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useSite, openAt, scheduleRows, NY, DIST, ROOT } from './support.mjs';

const site = useSite(before, after);

/**
 * `rota export` on the data dist/ was built from. The CLI the builds ran (scripts/post-build.mjs)
 * embeds whichever data was built last (the test command builds other data after dist/), so it
 * is given the folder.
 */
function rotaExport(...args) {
  const cli = join(ROOT, 'target/post-build/debug/rota');
  return execFileSync(cli, ['export', '--data', join(ROOT, 'data'), ...args], { encoding: 'utf8' });
}

/** RFC 4180 records of `text`. */
function parseCsv(text) {
  assert.ok(text.endsWith('\r\n'), 'CRLF line ends');
  const records = [];
  let record = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  return records;
}

/** Clicks "Download CSV" and returns the saved file's name and text. */
async function download(page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('the site is served with the Content-Security-Policy the download must live with', () => {
  const html = readFileSync(join(DIST, 'fairness/index.html'), 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self';[^"]*img-src 'self' data:;/);
});

test('fairness: the hours file holds the table\'s numbers, made offline', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, `${site.url}/fairness?year=2026`, NY.thanksgiving, '.fairness');
  await context.setOffline(true);
  const { name, text } = await download(page);
  assert.equal(name, 'data-engineering-hours-2026.csv');
  assert.equal(text, rotaExport('--kind', 'hours', '--year', '2026'));
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header.slice(0, 6), ['engineer', 'name', 'period', 'kind', 'weeks_on_call', 'hours_on_call']);
  // Every row of the page's table is in the file with the same weeks and hours.
  const shown = await page.locator('tr[data-engineer]').evaluateAll((trs) => trs.map((tr) => [
    tr.dataset.engineer, tr.dataset.period,
    tr.querySelector('[data-label="Weeks on call"]').textContent,
    tr.querySelector('[data-label="Hours on call"]').textContent,
  ]));
  assert.equal(shown.length, 4 * 5, 'four engineers, four quarters and the year');
  const inFile = rows.filter((r) => r[3] !== 'month').map((r) => [r[0], r[2], r[4], r[5]]);
  // The page shows each engineer's year before its quarters; the file, quarters first.
  assert.deepEqual([...inFile].sort(), [...shown].sort());
  // Hand-checked: Alice holds 13 weeks of 2026 (2184 hours), Thanksgiving's among them.
  assert.deepEqual(inFile.find((r) => r[0] === 'alice' && r[1] === '2026'), ['alice', '2026', '13', '2184']);
  // The months of each quarter add up to it.
  for (const [engineer, period, weeks, hours] of inFile.filter((r) => r[1].includes('Q'))) {
    const q = Number(period.at(-1));
    const months = rows.filter((r) => r[0] === engineer && r[3] === 'month' && Math.ceil(Number(r[2].slice(5)) / 3) === q);
    assert.equal(months.reduce((sum, r) => sum + Number(r[4]), 0), Number(weeks), `${engineer} ${period}`);
    assert.equal(months.reduce((sum, r) => sum + Number(r[6]), 0) / 60, Number(hours), `${engineer} ${period}`);
  }
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('fairness: a what-if preview downloads the previewed numbers', async () => {
  const context = await site.browser.newContext();
  // Bob away in his week 2026-W18: Charlie covers it and Bob takes 2026-W19.
  const url = `${site.url}/fairness?year=2026&leave=bob:2026-04-29..2026-04-30`;
  const page = await openAt(context, url, NY.thanksgiving, '.fairness tr.changed');
  const { name, text } = await download(page);
  assert.equal(name, 'data-engineering-hours-2026.csv');
  const rows = parseCsv(text).slice(1);
  const changed = await page.locator('tr.changed').evaluateAll((trs) => trs.map((tr) => [
    tr.dataset.engineer, tr.dataset.period,
    tr.querySelector('[data-label="Weeks on call"]').textContent.split(' → ').at(-1),
    tr.querySelector('[data-label="Hours on call"]').textContent.split(' → ').at(-1),
  ]));
  assert.ok(changed.length > 0);
  for (const [engineer, period, weeks, hours] of changed) {
    const row = rows.find((r) => r[0] === engineer && r[2] === period);
    assert.deepEqual([row[4], row[5]], [weeks, hours], `${engineer} ${period}`);
  }
  assert.notEqual(text, rotaExport('--kind', 'hours', '--year', '2026'), 'not the published schedule');
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('schedule: the file has a row per stretch of the weeks shown, named by team and range', async () => {
  const context = await site.browser.newContext();
  const page = await openAt(context, `${site.url}/schedule?week=2026-W48&weeks=6`, NY.thanksgiving, 'tr[data-week]');
  await context.setOffline(true);
  const { name, text } = await download(page);
  assert.equal(name, 'data-engineering-schedule-2026-W48-to-2026-W53.csv');
  assert.equal(text, rotaExport('--kind', 'schedule', '--from', '2026-W48', '--weeks', '6'));
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header, ['week', 'start', 'end', 'time_zone', 'hours', 'engineer', 'name', 'why', 'instead_of', 'notes']);
  // No covers in these weeks: one row a week, with whoever the page shows on call.
  assert.deepEqual(rows.map((r) => [r[0], r[5]]), await scheduleRows(page));
  assert.deepEqual(rows.map((r) => r[7]), ['swap', 'swap', 'none', 'none', 'none', 'swap']);
  assert.deepEqual(rows[0].slice(1, 5), ['2026-11-23 09:00', '2026-11-30 09:00', 'America/New_York', '168']);
  assert.match(rows[4][9], /^Diana: Christmas Day \(Fri 25 Dec 2026\); Diana keeps 2026-W52/);
  assert.deepEqual(page.problems, []);
  await context.close();
});
