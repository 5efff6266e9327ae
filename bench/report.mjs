// The benchmark's table (issues 11 and 17): medians with ratios to A (vanilla) and B (bare Leptos),
// each budget of the issues with ✅/❌, and the Lighthouse table; written to bench/RESULTS.md
// and between the markers of README.md's "## Performance" section.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile over all samples. */
export const percentile = (xs, p) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};

const kB = (b) => (Number.isFinite(b) ? (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} kB`) : '–');
const ms = (t) => (Number.isFinite(t) ? (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(t < 10 ? 1 : 0)} ms`) : '–');
const times = (r) => (Number.isFinite(r) ? `${r < 10 ? r.toFixed(2) : r.toFixed(r < 100 ? 1 : 0)} ×` : '–');
const mark = (ok) => (ok === null ? '–' : ok ? '✅' : '❌');

/** A cell: the figure, then its ratios to A and to B (when they exist and are not itself). */
function cell(value, fmt, page, a, b) {
  if (!Number.isFinite(value)) return '–';
  const ratios = [];
  if (page !== 'A' && Number.isFinite(a) && a > 0) ratios.push(`${times(value / a)} A`);
  if (page !== 'A' && page !== 'B' && Number.isFinite(b) && b > 0) ratios.push(`${times(value / b)} B`);
  return ratios.length ? `${fmt(value)} (${ratios.join(', ')})` : fmt(value);
}

/**
 * `r`: { meta, pages: { A..E, 'E front': { transfer, fcp, onCall, memory, jsHeap, wasmMemory: [per run],
 * steps, search: [all samples] } }, wasm: { B, C, D, E: { raw, brotli } }, builds: { c, d, e, check_e },
 * native: { us }, growth: { inputsBrotli, contentBrotli }, lighthouse: [{ page, host, ... }] }.
 */
export function renderTables(r) {
  const P = ['A', 'B', 'C', 'D', 'E', 'E front', 'C runbook'];
  const fig = {};
  for (const p of P) {
    const x = r.pages[p] ?? {};
    fig[p] = {
      transfer: median(x.transfer ?? []),
      transferPage: median(x.transferPage ?? []),
      fcp: median(x.fcp ?? []),
      onCall: median(x.onCall ?? []),
      onCallDom: median(x.onCallDom ?? []),
      memory: median(x.memory ?? []),
      jsHeap: median(x.jsHeap ?? []),
      wasmMemory: median(x.wasmMemory ?? []),
      step50: percentile(x.steps ?? [], 50),
      step95: percentile(x.steps ?? [], 95),
      search50: percentile(x.search ?? [], 50),
      search95: percentile(x.search ?? [], 95),
    };
  }
  const row = (name, key, fmt, budget = '', met = '') =>
    `| ${name} | ${P.map((p) => cell(fig[p][key], fmt, p, fig.A[key], fig.B[key])).join(' | ')} | ${budget} | ${met} |`;
  const ratio = (p, key, base) => fig[p][key] / fig[base][key];
  // A budget whose figure is missing (a page that failed, a build not timed) is neither met nor not.
  const le = (x, limit) => (Number.isFinite(x) ? x <= limit : NaN);
  const check = (...oks) => (oks.some((ok) => !Number.isFinite(ok) && ok !== true && ok !== false) ? '–' : mark(oks.every(Boolean)));
  const lh = (page, host) => r.lighthouse?.find((l) => l.page === page && l.host === host);
  const growth = fig.D.transfer - fig.C.transfer;
  const inputs = r.growth?.inputsBrotli;
  const lhPlain = lh('C', 'plain static server');
  const lhComp = lh('C', 'compressing server');
  const lhD = lh('D', 'compressing server');
  const wasm = (p) => (r.wasm?.[p] ? `${kB(r.wasm[p].raw)} raw / ${kB(r.wasm[p].brotli)} br` : '–');
  const b = r.builds ?? {};
  const secs = (x) => (Number.isFinite(x) ? `${x} s` : '–');
  const lines = [
    '| figure | A vanilla HTML+JS | B bare Leptos 0.8 + router | C rota (`data/`) | D rota, org size | E rota, 200-team organisation (a team\'s Now view) | E front page (every team) | C runbook deep link (its "on-call name": the failure point\'s text) | budget | met |',
    '|---|---|---|---|---|---|---|---|---|---|',
    row('(1) first-load transfer, brotli', 'transfer', kB, 'C ≤ 1.25 × B',
      `${check(ratio('C', 'transfer', 'B') <= 1.25)} C ${times(ratio('C', 'transfer', 'B'))} B`),
    row('(1) … of which the page itself requested (not the service worker\'s precache)', 'transferPage', kB,
      'C ≤ 2.0 × B, E ≤ 1.10 × C', `${check(le(ratio('C', 'transferPage', 'B'), 2), le(ratio('E', 'transferPage', 'C'), 1.1))} C ${times(ratio('C', 'transferPage', 'B'))} B, E ${times(ratio('E', 'transferPage', 'C'))} C`),
    row('(2) first contentful paint', 'fcp', ms, 'C, D ≤ 1.1 × A',
      `${check(ratio('C', 'fcp', 'A') <= 1.1, ratio('D', 'fcp', 'A') <= 1.1)} C ${times(ratio('C', 'fcp', 'A'))}, D ${times(ratio('D', 'fcp', 'A'))} A`),
    row('(3) on-call name visible', 'onCall', ms, 'C ≤ 1.5 × A', `${check(ratio('C', 'onCall', 'A') <= 1.5)} ${times(ratio('C', 'onCall', 'A'))} A`),
    `| (3) on-call name visible (D) | | | | | | | | D ≤ 2.0 × A | ${check(ratio('D', 'onCall', 'A') <= 2.0)} ${times(ratio('D', 'onCall', 'A'))} A |`,
    `| (3) on-call name visible (E: a team's Now view; the front page's first team card) | | | | | | | | E, E front ≤ 1.5 × A | ${check(le(ratio('E', 'onCall', 'A'), 1.5), le(ratio('E front', 'onCall', 'A'), 1.5))} E ${times(ratio('E', 'onCall', 'A'))}, E front ${times(ratio('E front', 'onCall', 'A'))} A |`,
    row('(3) … name in the DOM (it shows at the first paint after both)', 'onCallDom', ms),
    row('(4) week step, Next week → table updated, p50', 'step50', ms),
    row('(4) week step p95', 'step95', ms, 'C, D ≤ 16 ms', `${check(fig.C.step95 <= 16, fig.D.step95 <= 16)} C ${ms(fig.C.step95)}, D ${ms(fig.D.step95)}`),
    row('(5) memory after load (JS heap + wasm)', 'memory', kB, 'C ≤ 2.0 × A, D, E ≤ 3.0 × A',
      `${check(ratio('C', 'memory', 'A') <= 2, ratio('D', 'memory', 'A') <= 3, le(ratio('E', 'memory', 'A'), 3))} C ${times(ratio('C', 'memory', 'A'))}, D ${times(ratio('D', 'memory', 'A'))}, E ${times(ratio('E', 'memory', 'A'))} A`),
    row('(5) … of which JS heap (after GC)', 'jsHeap', kB),
    row('(5) … of which wasm memory', 'wasmMemory', kB),
    `| (6) 520 weeks with swaps, native (criterion) | | | ${Number.isFinite(r.native?.us) ? `${r.native.us.toFixed(1)} µs` : '–'} | | | | | ≤ 100 µs | ${check(r.native?.us <= 100)} |`,
    `| (6) … resolved only (who holds each week, swaps applied; one week shown) | | | ${Number.isFinite(r.native?.resolvedUs) ? `${r.native.resolvedUs.toFixed(1)} µs` : '–'} | | | | | | |`,
    row('(7) search keystroke → results updated, p50', 'search50', ms),
    row('(7) search keystroke p95', 'search95', ms, 'D, E ≤ 16 ms',
      `${check(fig.D.search95 <= 16, le(fig.E.search95, 16))} D ${ms(fig.D.search95)}, E ${ms(fig.E.search95)}`),
    `| (8) release build time (warm cargo cache) | | | ${secs(b.c)} | ${secs(b.d)} | ${secs(b.e)} | | | E ≤ 5 min | ${check(le(b.e, 300))} E ${secs(b.e)} |`,
    `| (8) wasm size | | ${wasm('B')} | ${wasm('C')} | ${wasm('D')} | ${wasm('E')} | | | | |`,
    `| \`rota check\` of the data (release CLI) | | | | | ${secs(b.check_e)} | | | E ≤ 10 s | ${check(le(b.check_e, 10))} E ${secs(b.check_e)} |`,
    `| precache size at E: the first load's whole transfer, the service worker's precache included (brotli) | | | | | ${kB(fig.E.transfer)} | ${kB(fig['E front'].transfer)} | | | |`,
    `| transfer growth C → D | | | | ${Number.isFinite(growth) ? '+' + kB(growth) : '–'} | | | | ≤ 1.5 × the schedule inputs (${kB(inputs)} br), not the runbook and description text (${kB(r.growth?.contentBrotli)} br) | ${check(growth <= 1.5 * inputs)} |`,
    `| (9) Lighthouse mobile (C), plain static host | | | | | | | | performance ≥ 95, LCP ≤ 2.5 s | ${lhPlain ? check(lhPlain.performance >= 95, lhPlain.lcp <= 2500) : '–'} ${lhPlain ? `${lhPlain.performance}, ${ms(lhPlain.lcp)}` : ''} |`,
    `| (9) Lighthouse mobile (C), compressing host | | | | | | | | performance ≥ 99, LCP ≤ 1.8 s | ${lhComp ? check(lhComp.performance >= 99, lhComp.lcp <= 1800) : '–'} ${lhComp ? `${lhComp.performance}, ${ms(lhComp.lcp)}` : ''} |`,
    `| (9) Lighthouse mobile (D), compressing host | | | | | | | | performance ≥ 95 | ${lhD ? `${check(lhD.performance >= 95)} ${lhD.performance}` : '–'} |`,
    `| (9) Lighthouse accessibility, every page and host | | | | | | | | 100 | ${r.lighthouse?.length ? `${check(r.lighthouse.every((l) => l.accessibility === 100))} lowest ${Math.min(...r.lighthouse.map((l) => l.accessibility))}` : '–'} |`,
    `| runbook deep link: failure-point text visible | | | | | | | | ≤ 1.5 × A | ${check(le(ratio('C runbook', 'onCall', 'A'), 1.5))} ${times(ratio('C runbook', 'onCall', 'A'))} A |`,
  ];
  if (r.lighthouse?.length) {
    lines.push('', 'Lighthouse 12.2.3, mobile preset (simulated slow 4G, 4× CPU), medians:', '',
      '| page | host | performance | LCP | time to interactive | bytes | accessibility |', '|---|---|---|---|---|---|---|');
    for (const l of r.lighthouse) {
      lines.push(`| ${l.page} ${l.name} | ${l.host} | ${l.performance} | ${ms(l.lcp)} | ${ms(l.tti)} | ${kB(l.bytes)} | ${l.accessibility} |`);
    }
  }
  return lines.join('\n');
}

export function renderResults(r) {
  const m = r.meta;
  return [
    `Measured ${m.date} on ${m.machine}, ${m.chromium}; ${m.runs} interleaved runs per page` +
      ` (A B C D E "E front" "C runbook" A B C D …)${m.quick ? ' — quick mode, not for comparison' : ''}.`,
    '',
    renderTables(r),
    '',
    'Method (`make bench`, bench/run.mjs): pages served on loopback by a plain static server; every visit',
    'a fresh browser context (cold HTTP cache, no service worker yet; service workers allowed, as for a',
    'new user) with 4× CPU throttling (CDP `Emulation.setCPUThrottlingRate`). Transfer: brotli (quality',
    '11) of every file the server sent in the first load (the page and its service worker\'s precache),',
    'each path once; the first load ends when the service worker is active (its precache done) and the',
    'fetching has stopped; what the page itself requested is every path the page asked for, whether the',
    'server or the worker answered. FCP from the paint timing. The on-call name: when a MutationObserver',
    'installed before any page script sees it in the DOM, or the first contentful paint if that comes',
    'later (it cannot be seen before). Memory: JS heap after a forced GC (CDP `Runtime.getHeapUsage`) plus the wasm',
    `memory. Week steps: ${m.steps} clicks on "Next week" per run on the schedule page; search: the keystrokes`,
    `of "${m.search}" on D and E one by one, once the search is ready (the text typed once, its results`,
    'waited for until they no longer say the runbooks\' text is still being fetched, the box cleared); each',
    'timed in the page from the input event\'s time stamp to the last DOM change it caused (or the end of',
    'its task if it changed nothing). Ratios are of medians;',
    'p50/p95 pool all samples. E is visited at its first team\'s Now view (`/teams/<slug>/`), its week steps',
    'on that team\'s schedule; "E front" is the organisation\'s front page, its on-call name the first',
    'team card\'s; "C runbook" is C opened at `/runbooks/aggregate-profit#data-latency`, its "on-call name" the',
    'failure point\'s text. Figures (2)–(5), (7), build times and `rota check` vary between runs; only byte sizes',
    'are deterministic.',
  ].join('\n');
}

/** Writes bench/RESULTS.md and the block between the README's bench markers. */
export function writeResults(root, r) {
  const body = renderResults(r);
  writeFileSync(join(root, 'bench/RESULTS.md'),
    `# Benchmark results (issues 11, 17 and 18)\n\nWritten by \`make bench\` (bench/run.mjs); the latest run.\n\n${body}\n`);
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return false;
  writeFileSync(readme, text.slice(0, i + start.length) + '\n' + body + '\n' + text.slice(j));
  return true;
}
