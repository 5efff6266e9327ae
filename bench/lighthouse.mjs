// Lighthouse 12.2.3 (bench/node_modules, installed by `npm install --prefix bench`) on one URL
// with its default mobile preset (simulated slow 4G, 4x CPU), in Debian's headless Chromium.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const BIN = resolve(import.meta.dirname, 'node_modules/.bin/lighthouse');

/** Performance and accessibility scores (0–100), LCP and TTI (ms), total bytes of one run. */
export async function lighthouse(url) {
  const dir = await mkdtemp(join(tmpdir(), 'rota-lh-'));
  const report = join(dir, 'report.json');
  try {
    await promisify(execFile)(BIN, [
      url,
      '--chrome-path=' + (process.env.CHROMIUM ?? '/usr/bin/chromium'),
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      '--only-categories=performance,accessibility',
      '--output=json', '--output-path=' + report, '--quiet',
    ], { maxBuffer: 64 << 20, timeout: 180000 });
    const lhr = JSON.parse(await readFile(report, 'utf8'));
    if (lhr.runtimeError) throw new Error(`lighthouse ${url}: ${lhr.runtimeError.message}`);
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tti: lhr.audits.interactive.numericValue,
      bytes: lhr.audits['total-byte-weight'].numericValue,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
