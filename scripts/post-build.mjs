// Trunk post-build hook: turns trunk's output into a site any static host can serve.
//   - calendar feeds: calendar/team.ics and calendar/<person>.ics, from the rota CLI
//   - a Content-Security-Policy <meta> with the hash of the loader script trunk inlines
//   - an index.html for every page path (and 404.html), so cold links need no rewrite rules
//   - sw.js, precaching exactly this build's files under a cache named by the base path and
//     their content
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const staging = process.env.TRUNK_STAGING_DIR;
const base = process.env.TRUNK_PUBLIC_URL || '/';
if (!staging) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

// The CLI embeds the same data as the wasm (data/, or ROTA_DATA_DIR), so feeds and pages agree.
// It is a native build: drop the wasm-only settings of scripts/toolchain.env.
function rota(...args) {
  const env = { ...process.env };
  for (const key of ['CARGO_UNSTABLE_BUILD_STD', 'CARGO_BUILD_TARGET']) delete env[key];
  return execFileSync(
    'cargo',
    ['run', '--quiet', '--package', 'rota-cli', '--target-dir', join(root, 'target/post-build'), '--', ...args],
    { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

const sha = (algorithm, data) => createHash(algorithm).update(data).digest();

// 1. Calendar feeds around the build date (SOURCE_DATE_EPOCH, set by scripts/build, as the wasm's
// build script saw it); the public URL makes their UIDs this deployment's own.
rota('ics', '--out', join(staging, 'calendar'), '--public-url', base);

// 1b. The static JSON API for bots and scripts (api/v1/*.json next to their schemas), as of the
// same build instant, with links under the same public URL.
rota('api', '--out', staging, '--public-url', base);

// 2. Content-Security-Policy: no inline code except trunk's loader, allowed by its hash.
// Release builds only: `trunk serve` injects its live-reload script after this hook runs.
let html = readFileSync(join(staging, 'index.html'), 'utf8');
if (process.env.TRUNK_PROFILE === 'release') {
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const hashes = inline.map((code) => `'sha256-${sha('sha256', code).toString('base64')}'`);
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  html = html.replace(
    /<meta charset="utf-8" \/>/,
    `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
  );
  writeFileSync(join(staging, 'index.html'), html);
}

// 3. Every page path gets the shell; unknown paths get it as 404.html (the app says "not found").
const paths = rota('paths').split('\n').filter((p) => p && p !== '/');
for (const path of paths) {
  mkdirSync(join(staging, path), { recursive: true });
  writeFileSync(join(staging, path, 'index.html'), html);
}
writeFileSync(join(staging, '404.html'), html);

// 4. The service worker: precache the shell and every asset, not the per-route copies.
const pageCopies = new Set([...paths.map((p) => join(p.slice(1), 'index.html')), '404.html', 'sw.js']);
const files = (function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(staging, path)];
  });
})(staging).filter((file) => !pageCopies.has(file)).sort();
const digest = createHash('sha256');
for (const file of files) digest.update(file).update(sha('sha256', readFileSync(join(staging, file))));
const deployment = `rota ${base} `;
const version = digest.digest('hex').slice(0, 16);
const precache = files.map((file) => base + file);
const worker = readFileSync(join(root, 'assets/sw.js'), 'utf8')
  .replace('%DEPLOYMENT%', JSON.stringify(deployment))
  .replace('%VERSION%', version)
  .replace('%PRECACHE%', JSON.stringify(precache, null, 2))
  .replace('%SHELL%', `${base}index.html`);
writeFileSync(join(staging, 'sw.js'), worker);
console.log(`post-build: ${paths.length + 1} pages, ${files.length} precached files, cache "${deployment}${version}"`);
