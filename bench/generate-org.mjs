// Writes an organisation-sized data folder for the benchmark (issue 11, page D): 40 engineers,
// 500 pipelines, 300 runbooks of 5 failure points each, 200 leave entries, from a fixed seed,
// so every run measures the same data. The holiday calendar is the team's own (data/).
//   node bench/generate-org.mjs target/data-org
// With --org it writes an organisation folder instead (docs/organisation.md): org.json,
// people.json (2,000 people, 200 of them in two or three teams), leave.json and teams/<slug>/ for
// 200 teams of about 10 engineers, with 5,000 pipelines and 3,000 runbooks of 5 failure points in
// all, from a seed of its own (so page D's data stays the same).
//   node bench/generate-org.mjs --org target/data-org-e
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const orgMode = args[0] === '--org';
const out = orgMode ? args[1] : args[0];
if (!out || out.startsWith('--') || args.length !== (orgMode ? 2 : 1)) {
  console.error('usage: node bench/generate-org.mjs [--org] OUT_DIR');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');

// mulberry32: small, fast and the same on every machine.
let seed = orgMode ? 20261206 : 20261129;
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
const day = (offset) => new Date(Date.UTC(2026, 0, 1) + offset * 86400000).toISOString().slice(0, 10);
const write = (dir, file, value) => writeFileSync(join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
const copyHolidays = (dir) => copyFileSync(join(root, 'data/holidays.json'), join(dir, 'holidays.json'));

// A pipeline owned by two different engineers of `engineers` (draws in page D's order).
function pipelineFor(slug, number, engineers, investor) {
  const primary = Math.floor(random() * engineers.length);
  const secondary = (primary + 1 + Math.floor(random() * (engineers.length - 1))) % engineers.length;
  return {
    slug,
    name: `${cap(pick(words))} ${cap(pick(words))} ${number}`,
    area: pick(areas),
    audience: investor ? 'investor' : 'experiments',
    primary: engineers[primary].slug,
    secondary: engineers[secondary].slug,
    description: `${cap(sentence(12))}.`,
  };
}

// The runbook of pipeline `slug`: 5 failure points.
const runbookFor = (slug) => ({
  pipeline: slug,
  summary: `${cap(sentence(20))}.`,
  failure_points: Array.from({ length: 5 }, (_, j) => ({
    slug: `failure-${j + 1}`,
    title: `${cap(pick(words))} ${pick(words)} failure ${j + 1}`,
    description: `${cap(sentence(25))}.`,
    signals: [`${cap(sentence(10))}.`, `The dashboard at https://dashboards.example.com/${slug} shows ${sentence(4)}.`],
    first_checks: [
      `${cap(sentence(12))}:\n\`\`\`sql\nSELECT count(*)\n  FROM ${slug.replace(/-/g, '_')}\n WHERE load_date = current_date;\n\`\`\``,
      `Rerun with \`make rerun PIPELINE=${slug}\` and ${sentence(8)}.`,
    ],
  })),
});

// A leave entry of one of `slugs`, starting in 2026 or 2027 and lasting 1 to 10 days.
function leaveOf(slugs) {
  const from = Math.floor(random() * 700);
  return { engineer: pick(slugs), from: day(from), to: day(from + Math.floor(random() * 10)), note: 'Leave' };
}

if (orgMode) generateOrg();
else generateTeam();

// Page D: one team.
function generateTeam() {
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
  const pipelines = Array.from({ length: 500 }, (_, i) => pipelineFor(`pipeline-${i + 1}`, i + 1, engineers, i < 300));
  const runbooks = pipelines.slice(0, 300).map((p) => runbookFor(p.slug));
  const leave = Array.from({ length: 200 }, () => leaveOf(engineers.map((e) => e.slug)));

  mkdirSync(out, { recursive: true });
  write(out, 'team.json', team);
  write(out, 'pipelines.json', pipelines);
  write(out, 'runbooks.json', runbooks);
  write(out, 'leave.json', leave);
  write(out, 'decisions.json', []);
  copyHolidays(out);
  console.log(`generated ${out}: ${ENGINEERS} engineers, ${pipelines.length} pipelines, ${runbooks.length} runbooks, ${leave.length} leave entries`);
}

// Fisher–Yates with the seeded random.
function shuffle(list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

// The --org mode: an organisation of 200 teams (docs/organisation.md).
function generateOrg() {
  const TEAMS = 200;
  const PEOPLE = 2000;
  const SHARED = 200; // people in two or more teams (10 %)
  const IN_THREE = 50; // of those, people in three teams
  const PIPELINES = 5000;
  const RUNBOOKS = 3000;
  const ROOT_LEAVE = 300;
  const zones = ['America/New_York', 'Europe/London', 'Asia/Singapore'];
  const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

  const people = Array.from({ length: PEOPLE }, (_, i) => ({ slug: `person-${i + 1}`, name: `Person ${i + 1}` }));

  // Every person has a home team (10 each); 200 of them join one or two more.
  const members = Array.from({ length: TEAMS }, () => []);
  people.forEach((p, i) => members[Math.floor(i / (PEOPLE / TEAMS))].push(p.slug));
  const shared = shuffle(people.map((_, i) => i)).slice(0, SHARED);
  shared.forEach((person, k) => {
    const teams = new Set([Math.floor(person / (PEOPLE / TEAMS))]);
    const extra = k < IN_THREE ? 2 : 1;
    while (teams.size < 1 + extra) {
      const t = Math.floor(random() * TEAMS);
      if (!teams.has(t)) {
        teams.add(t);
        members[t].push(people[person].slug);
      }
    }
  });

  // Team slugs and names; the handoff weekday, zone and epoch of each.
  const teams = Array.from({ length: TEAMS }, (_, i) => {
    const area = pick(areas);
    const word = pick(words);
    const slug = `${area.toLowerCase()}-${word}-${i + 1}`;
    const weekday = pick(weekdays);
    // 2025-12-01 is a Monday; a week between it and 2026-01-25, on the handoff weekday.
    const epoch = new Date(Date.UTC(2025, 11, 1) + (7 * Math.floor(random() * 8) + weekdays.indexOf(weekday)) * 86400000)
      .toISOString()
      .slice(0, 10);
    const rotation = shuffle([...members[i]]);
    return {
      slug,
      team: {
        name: `${area} ${cap(word)} ${i + 1}`,
        time_zone: pick(zones),
        handoff: { weekday, time: '09:00' },
        epoch,
        calendar: 'us-federal',
        rotation,
        // Each covers the next one in the rotation: explicit, so no backup is ambiguous.
        engineers: rotation.map((slug, k) => ({ slug, backup: rotation[(k + 1) % rotation.length] })),
      },
    };
  });

  // 5,000 pipelines: 5 per team, the rest spread at random; numbered across the organisation.
  const counts = Array.from({ length: TEAMS }, () => 5);
  for (let k = 5 * TEAMS; k < PIPELINES; k++) counts[Math.floor(random() * TEAMS)]++;
  const withRunbook = new Set(shuffle(Array.from({ length: PIPELINES }, (_, i) => i)).slice(0, RUNBOOKS));
  let number = 0;
  const teamPipelines = teams.map((t, i) =>
    Array.from({ length: counts[i] }, () => {
      number++;
      return pipelineFor(`pipeline-${number}`, number, t.team.engineers, withRunbook.has(number - 1));
    }),
  );

  const leave = Array.from({ length: ROOT_LEAVE }, () => leaveOf(people.map((p) => p.slug)));

  mkdirSync(join(out, 'teams'), { recursive: true });
  write(out, 'org.json', { name: 'Benchmark Organisation', teams: teams.map((t) => t.slug) });
  write(out, 'people.json', people);
  write(out, 'leave.json', leave);
  let runbookCount = 0;
  let teamLeave = 0;
  teams.forEach((t, i) => {
    const dir = join(out, 'teams', t.slug);
    mkdirSync(dir, { recursive: true });
    const pipelines = teamPipelines[i];
    const runbooks = pipelines.filter((p) => p.audience === 'investor').map((p) => runbookFor(p.slug));
    // Half the teams have no leave of their own; the others 1 to 4 entries of their members.
    const ownLeave = random() < 0.5 ? [] : Array.from({ length: 1 + Math.floor(random() * 4) }, () => leaveOf(t.team.rotation));
    runbookCount += runbooks.length;
    teamLeave += ownLeave.length;
    write(dir, 'team.json', t.team);
    write(dir, 'pipelines.json', pipelines);
    write(dir, 'runbooks.json', runbooks);
    write(dir, 'leave.json', ownLeave);
    write(dir, 'decisions.json', []);
    copyHolidays(dir);
  });
  const memberships = members.reduce((n, m) => n + m.length, 0);
  console.log(
    `generated ${out}: ${TEAMS} teams, ${PEOPLE} people (${SHARED} in two or more teams, ${memberships} memberships), ` +
      `${number} pipelines, ${runbookCount} runbooks, ${ROOT_LEAVE} + ${teamLeave} leave entries`,
  );
}
