// Writes an organisation-sized data folder for the benchmark (issue 11, page D): 40 engineers,
// 500 pipelines, 300 runbooks of 5 failure points each, 200 leave entries, from a fixed seed,
// so every run measures the same data. The holiday calendar is the team's own (data/).
//   node bench/generate-org.mjs target/data-org
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node bench/generate-org.mjs OUT_DIR');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');

// mulberry32: small, fast and the same on every machine.
let seed = 20261129;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const words = ['revenue', 'orders', 'growth', 'churn', 'margin', 'sessions', 'signups', 'refunds', 'inventory',
  'ledger', 'billing', 'cohort', 'funnel', 'retention', 'payouts', 'fraud', 'pricing', 'traffic', 'returns', 'supply'];
const areas = ['Finance', 'Growth', 'Engagement', 'Operations', 'Risk', 'Marketing', 'Supply', 'Product'];
const sentence = (n) => Array.from({ length: n }, () => pick(words)).join(' ');
const cap = (s) => s[0].toUpperCase() + s.slice(1);

const ENGINEERS = 40;
const engineers = Array.from({ length: ENGINEERS }, (_, i) => ({
  slug: `engineer-${i + 1}`,
  name: `Engineer ${i + 1}`,
  // Each covers the next one's holidays: explicit, so no backup is ambiguous.
  backup: `engineer-${((i + 1) % ENGINEERS) + 1}`,
}));
const team = {
  name: 'Data Organisation',
  time_zone: 'America/New_York',
  handoff: { weekday: 'monday', time: '09:00' },
  epoch: '2025-12-29',
  calendar: 'us-federal',
  rotation: engineers.map((e) => e.slug),
  engineers,
};

const pipelines = Array.from({ length: 500 }, (_, i) => {
  const primary = Math.floor(random() * ENGINEERS);
  const secondary = (primary + 1 + Math.floor(random() * (ENGINEERS - 1))) % ENGINEERS;
  return {
    slug: `pipeline-${i + 1}`,
    name: `${cap(pick(words))} ${cap(pick(words))} ${i + 1}`,
    area: pick(areas),
    audience: i < 300 ? 'investor' : 'experiments',
    primary: engineers[primary].slug,
    secondary: engineers[secondary].slug,
    description: `${cap(sentence(12))}.`,
  };
});

const runbooks = pipelines.slice(0, 300).map((p) => ({
  pipeline: p.slug,
  summary: `${cap(sentence(20))}.`,
  failure_points: Array.from({ length: 5 }, (_, j) => ({
    slug: `failure-${j + 1}`,
    title: `${cap(pick(words))} ${pick(words)} failure ${j + 1}`,
    description: `${cap(sentence(25))}.`,
    signals: [`${cap(sentence(10))}.`, `The dashboard at https://dashboards.example.com/${p.slug} shows ${sentence(4)}.`],
    first_checks: [
      `${cap(sentence(12))}:\n\`\`\`sql\nSELECT count(*)\n  FROM ${p.slug.replace(/-/g, '_')}\n WHERE load_date = current_date;\n\`\`\``,
      `Rerun with \`make rerun PIPELINE=${p.slug}\` and ${sentence(8)}.`,
    ],
  })),
}));

const day = (offset) => new Date(Date.UTC(2026, 0, 1) + offset * 86400000).toISOString().slice(0, 10);
const leave = Array.from({ length: 200 }, () => {
  const from = Math.floor(random() * 700);
  return { engineer: pick(engineers).slug, from: day(from), to: day(from + Math.floor(random() * 10)), note: 'Leave' };
});

mkdirSync(out, { recursive: true });
const write = (file, value) => writeFileSync(join(out, file), `${JSON.stringify(value, null, 2)}\n`);
write('team.json', team);
write('pipelines.json', pipelines);
write('runbooks.json', runbooks);
write('leave.json', leave);
write('decisions.json', []);
copyFileSync(join(root, 'data/holidays.json'), join(out, 'holidays.json'));
console.log(`generated ${out}: ${ENGINEERS} engineers, ${pipelines.length} pipelines, ${runbooks.length} runbooks, ${leave.length} leave entries`);
