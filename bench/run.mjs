// The benchmark of issues 11, 17 and 18 (`make bench`; not part of `make test`). Builds pages A–E
// (bench/build.sh), runs the native criterion bench, then visits A B C D E "E front" "C runbook" … in
// headless Chromium, runs Lighthouse, and prints the table (also written to bench/RESULTS.md and
// README). E is a 200-team organisation's site, visited at its first team's Now view; "E front"
// is the same site's front page (every team's card), for the on-call name visible there; "C runbook"
// is C opened at a runbook's failure point, as an alert's link opens it.
//   BENCH_RUNS=N        visits per page (default 15)
//   BENCH_QUICK=1       for development: 3 runs, 5 steps, short criterion, one Lighthouse run of C
//   BENCH_BUILD=0       reuse target/bench/dist-* and the build times recorded with them
//   BENCH_LIGHTHOUSE=0  skip Lighthouse;  BENCH_LH_RUNS=N  Lighthouse runs of C (default 3)
//   BENCH_WRITE=0       print only (leave bench/RESULTS.md and README.md as they are)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { launchBrowser, ROOT } from '../tests/browser/support.mjs';
import { startServer } from './server.mjs';
import { measureVisit } from './measure.mjs';
import { lighthouse } from './lighthouse.mjs';
import { median, renderResults, writeResults } from './report.mjs';

const env = process.env;
const quick = env.BENCH_QUICK === '1';
const runs = Number(env.BENCH_RUNS ?? (quick ? 3 : 15));
const steps = quick ? 5 : 20;
const search = 'revenue growth';
const OUT = join(ROOT, 'target/bench');
const ORG_E = join(ROOT, 'target/data-org-e');
const PAGES = {
  A: { name: 'vanilla HTML+JS', dir: 'dist-a', steps: 0, search: '' },
  B: { name: 'bare Leptos', dir: 'dist-b', steps, search: '' },
  C: { name: 'rota', dir: 'dist-c', steps, search: '' },
  D: { name: 'rota, org size', dir: 'dist-d', steps, search },
  // `path` of E is set once the organisation's data is there (its first team's Now view).
  E: { name: 'rota, 200-team organisation', dir: 'dist-e', steps, search },
  'E front': { name: 'rota, 200-team organisation, front page', dir: 'dist-e', steps: 0, search: '',
    onCallSelector: '[data-testid="team-on-call"]' },
  // Issue 18: a runbook opened from an alert's link, at one failure point; "on call" is its text.
  'C runbook': { name: 'rota, a runbook deep link', dir: 'dist-c', steps: 0, search: '',
    path: '/runbooks/aggregate-profit#data-latency', onCallSelector: '#data-latency p:not([class])' },
};
const log = (...args) => console.error('[bench]', ...args);
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

// 1. Build (or reuse) the five pages.
if (env.BENCH_BUILD === '0' && Object.values(PAGES).every((p) => existsSync(join(OUT, p.dir, 'index.html')))) {
  log('reusing the pages in target/bench (BENCH_BUILD=0)');
} else {
  execFileSync(join(ROOT, 'bench/build.sh'), { stdio: ['ignore', process.stderr, process.stderr] });
}
const firstTeam = JSON.parse(readFileSync(join(ORG_E, 'org.json'), 'utf8')).teams[0];
PAGES.E.path = `/teams/${firstTeam}/`;
const builds = existsSync(join(OUT, 'builds.json')) ? JSON.parse(readFileSync(join(OUT, 'builds.json'), 'utf8')) : {};

// 2. Natively: 520 weeks from a fresh Schedule (with the swaps data/ leads to), criterion's estimate:
// shown (each week's words, holidays and stretches), and resolved only (who holds each week).
log('cargo bench -p rota --bench schedule');
const crit = spawnSync('cargo', ['bench', '-q', '-p', 'rota', '--bench', 'schedule', '--', 'schedule (520 weeks|week 519)',
  ...(quick ? ['--warm-up-time', '1', '--measurement-time', '2'] : [])], { cwd: ROOT, encoding: 'utf8' });
const micros = (name) => {
  const found = new RegExp(`${name}[^\\n]*\\n?\\s*time:\\s*\\[\\S+ \\S+ (\\S+) (\\S+) `).exec(crit.stdout ?? '');
  return found ? Number(found[1]) * { ps: 1e-6, ns: 1e-3, 'µs': 1, us: 1, ms: 1e3, s: 1e6 }[found[2]] : NaN;
};
const native = { us: micros('schedule 520 weeks'), resolvedUs: micros('schedule week 519') };
if (!Number.isFinite(native.us)) log(`criterion gave no figure:\n${crit.stdout}\n${crit.stderr}`);

// 3. Deterministic sizes: the wasm of B, C, D, E, and what D's data adds.
const wasm = {};
for (const p of ['B', 'C', 'D', 'E']) {
  const dir = join(OUT, PAGES[p].dir);
  const files = readdirSync(dir).filter((f) => f.endsWith('.wasm'));
  wasm[p] = { raw: 0, brotli: 0 };
  for (const f of files) {
    const body = readFileSync(join(dir, f));
    wasm[p].raw += body.length;
    wasm[p].brotli += brotli(body);
  }
}
const sizeOf = (files) => files.reduce((n, f) => n + brotli(readFileSync(join(ROOT, 'target/data-org', f))), 0);
const growth = {
  inputsBrotli: sizeOf(['team.json', 'leave.json', 'holidays.json', 'decisions.json']),
  contentBrotli: sizeOf(['runbooks.json', 'pipelines.json']),
};

// 4. The visits, interleaved.
const browser = await launchBrowser();
const servers = {};
for (const [p, page] of Object.entries(PAGES)) servers[p] = await startServer(join(OUT, page.dir), 'plain');
const samples = {};
for (const p of Object.keys(PAGES)) {
  samples[p] = { transfer: [], transferPage: [], transferRaw: [], fcp: [], onCall: [], onCallDom: [], memory: [], jsHeap: [], wasmMemory: [], steps: [], search: [], files: null, errors: [] };
}
// One visit first, not counted: the browser's own first-page start-up is no page's cost.
await measureVisit(browser.browser, servers.A).catch((e) => log(`warm-up visit failed: ${e.message}`));
for (let run = 1; run <= runs; run++) {
  for (const [p, page] of Object.entries(PAGES)) {
    try {
      const v = await measureVisit(browser.browser, servers[p],
        { path: page.path, onCallSelector: page.onCallSelector, steps: page.steps, search: page.search });
      const s = samples[p];
      for (const key of ['transfer', 'transferPage', 'transferRaw', 'fcp', 'onCall', 'onCallDom', 'memory', 'jsHeap', 'wasmMemory']) s[key].push(v[key]);
      s.steps.push(...(v.steps ?? []));
      s.search.push(...(v.search ?? []));
      s.files ??= v.files;
      s.onCallText = v.onCallText;
    } catch (e) {
      samples[p].errors.push(e.message);
      log(`run ${run} page ${p} failed: ${e.message.split('\n')[0]}`);
    }
  }
  log(`run ${run}/${runs}: ` + Object.keys(PAGES).map((p) =>
    `${p} on-call ${Math.round(samples[p].onCall.at(-1))} ms`).join(', '));
}
const chromium = `Chromium ${browser.browser.version()}`;
await browser.close();
for (const server of Object.values(servers)) await server.close();

// 5. Lighthouse: every page on a plain and on a compressing static server; C several times.
const lighthouseRows = [];
if (env.BENCH_LIGHTHOUSE !== '0') {
  const lhRuns = Number(env.BENCH_LH_RUNS ?? (quick ? 1 : 3));
  for (const [host, mode] of [['plain static server', 'plain'], ['compressing server', 'compress']]) {
    for (const [p, page] of Object.entries(PAGES)) {
      if (quick && p !== 'C') continue;
      const server = await startServer(join(OUT, page.dir), mode);
      const results = [];
      for (let i = 0; i < (p === 'C' ? lhRuns : 1); i++) {
        try {
          results.push(await lighthouse(server.url + (page.path ?? '/')));
        } catch (e) {
          log(`lighthouse ${p} ${mode} failed: ${e.message.split('\n')[0]}`);
        }
      }
      await server.close();
      if (!results.length) continue;
      const pick = (k) => median(results.map((x) => x[k]));
      lighthouseRows.push({ page: p, name: page.name, host, runs: results.length, performance: pick('performance'),
        accessibility: pick('accessibility'), lcp: pick('lcp'), tti: pick('tti'), bytes: pick('bytes') });
      log(`lighthouse ${p} ${mode}: performance ${pick('performance')}, LCP ${Math.round(pick('lcp'))} ms`);
    }
  }
}

// 6. The table.
const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
const result = {
  meta: {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: `${availableParallelism()} × ${cpu} (nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()})`,
    chromium, runs, quick, steps, search,
  },
  pages: samples, wasm, builds, native, growth, lighthouse: lighthouseRows,
};
writeFileSync(join(OUT, 'results.json'), JSON.stringify(result, null, 2));
console.log(renderResults(result));
// A answers from the rota CLI's schedule of the same data: it must name the same person as C.
if (samples.A.onCallText !== samples.C.onCallText) {
  log(`page A shows "${samples.A.onCallText}" on call but rota (C) "${samples.C.onCallText}": rebuild A (bench/build.sh)`);
}
const errors = Object.entries(samples).flatMap(([p, s]) => s.errors.map((e) => `${p}: ${e}`));
if (errors.length) log(`${errors.length} visits failed:\n${errors.join('\n')}`);
if (env.BENCH_WRITE !== '0') {
  const readme = writeResults(ROOT, result);
  log(`wrote bench/RESULTS.md${readme ? ' and README.md' : ' (README.md has no bench markers)'}`);
}
