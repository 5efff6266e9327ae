// Builds page A of the benchmark (bench/vanilla/) into OUT_DIR with its handoff table: the
// weeks around today from `rota schedule --format json` on DATA_DIR, so page A answers "who is
// on call now" for the same data as rota, from the same schedule.
//   node bench/make-vanilla.mjs OUT_DIR [DATA_DIR]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [out, dataDir = 'data'] = process.argv.slice(2);
if (!out) { console.error('usage: node bench/make-vanilla.mjs OUT_DIR [DATA_DIR]'); process.exit(2); }
const root = resolve(import.meta.dirname, '..');
const src = join(root, 'bench/vanilla');

// The ISO week 4 weeks ago: a year of weeks from there covers any run of the benchmark.
function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
const from = isoWeek(new Date(Date.now() - 28 * 86400000));
const json = execFileSync('cargo', ['run', '-q', '-p', 'rota-cli', '--', '--data', resolve(root, dataDir),
  'schedule', '--from', from, '--weeks', '56', '--format', 'json'], { cwd: root, encoding: 'utf8' });
const weeks = JSON.parse(json);
const team = JSON.parse(readFileSync(join(resolve(root, dataDir), 'team.json'), 'utf8'));
const nameOf = new Map(team.engineers.map((e) => [e.slug, e.name]));
const names = [];
const index = (slug) => {
  const name = nameOf.get(slug) ?? slug;
  if (!names.includes(name)) names.push(name);
  return names.indexOf(name);
};
// A week with a cover has several people on call; the page shows the first (data/ has none).
const table = {
  zone: team.time_zone,
  names,
  weeks: weeks.map((w) => [Date.parse(w.start) / 1000, index(w.on_call[0])]),
  end: Date.parse(weeks.at(-1).end) / 1000,
};
mkdirSync(out, { recursive: true });
const html = readFileSync(join(src, 'index.html'), 'utf8').replace('TABLE', JSON.stringify(table));
writeFileSync(join(out, 'index.html'), html);
for (const file of ['app.js', 'style.css']) copyFileSync(join(src, file), join(out, file));
console.log(`page A: ${weeks.length} weeks from ${from} into ${out}`);
