// Trunk post-build hook: turns trunk's output into a site any static host can serve.
//   - calendar feeds: calendar/team.ics and calendar/<person>.ics, from the rota CLI
//   - text/: pipeline descriptions and runbooks, fetched on demand (rota::text_files)
//   - a Content-Security-Policy <meta> with the hash of the loader script trunk inlines
//   - an index.html for every page path (and 404.html), so cold links need no rewrite rules
//   - sw.js, precaching exactly this build's files under a cache named by the base path and
//     their content
//   - FILE.br and FILE.gz next to every compressible file, for hosts that serve them as they are
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { brotliCompress as brotliCompressAsync, constants, gzip as gzipAsync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { edit } from './html-edit.mjs';

const brotliCompress = promisify(brotliCompressAsync);
const gzip = promisify(gzipAsync);

// A failed step stops the build with its message (trunk then reports the hook failed).
process.on('uncaughtException', (error) => {
  console.error(`post-build: ${error.message}`);
  process.exit(1);
});

const root = resolve(import.meta.dirname, '..');
const staging = process.env.TRUNK_STAGING_DIR;
const base = process.env.TRUNK_PUBLIC_URL || '/';
if (!staging) throw new Error('run by trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');

// The CLI and the renderer are native builds: the environment without the wasm-only settings
// of scripts/toolchain.env (and without `also`).
function nativeEnv(...also) {
  const env = { ...process.env };
  for (const key of ['CARGO_UNSTABLE_BUILD_STD', 'CARGO_BUILD_TARGET', ...also]) delete env[key];
  return env;
}

// The CLI reads the same data as the wasm embeds (data/, or ROTA_DATA_DIR), so feeds and pages
// agree: another folder is given with --data, not embedded, so the CLI is not compiled again
// for every data set (at 200 teams that compile took 77–180 s of the build's 5 minutes).
function rota(...args) {
  const env = nativeEnv('ROTA_DATA_DIR');
  const data = process.env.ROTA_DATA_DIR ? ['--data', process.env.ROTA_DATA_DIR] : [];
  return execFileSync(
    'cargo',
    ['run', '--quiet', '--package', 'rota-cli', '--target-dir', join(root, 'target/post-build'), '--', ...data, ...args],
    { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

/** `path` → its `{ title, main }`, rendered by the app's views as of the build instant: one
 * renderer per core, each given an equal share of the paths (11,000 pages at 200 teams). */
async function prerender(paths) {
  const env = nativeEnv();
  const command = ['run', '--quiet', '--no-default-features', '--features', 'ssr', '--bin', 'prerender',
    '--target-dir', join(root, 'target/prerender'), '--', '--out', staging, '--public-url', base];
  // Compiled once, before the renderers start: two cargo runs would wait on each other's lock.
  execFileSync('cargo', ['build', ...command.slice(1, command.indexOf('--'))], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`post-build: the renderer compiled (${took()})`);
  const shares = Math.min(availableParallelism(), Math.ceil(paths.length / 500));
  const outputs = await Promise.all(Array.from({ length: shares }, (_, i) => new Promise((done, fail) => {
    const child = execFile('cargo', command, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 30 },
      (error, stdout) => (error ? fail(new Error(`prerender: ${error.message}`)) : done(stdout)));
    child.stderr.pipe(process.stderr);
    child.stdin.end(paths.filter((_, j) => j % shares === i).join('\n'));
  })));
  return new Map(outputs.join('\n').split('\n').filter(Boolean).map((line) => {
    const { path, title, main } = JSON.parse(line);
    return [path, { title, main }];
  }));
}

const sha = (algorithm, data) => createHash(algorithm).update(data).digest();
// How long each step took, in the build's log (an organisation's build has a time budget).
let stepStart = Date.now();
const took = () => {
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
  stepStart = Date.now();
  return `${seconds} s`;
};

// 1. Calendar feeds around the build date (SOURCE_DATE_EPOCH, set by scripts/build, as the wasm's
// build script saw it); the public URL makes their UIDs this deployment's own.
rota('ics', '--out', join(staging, 'calendar'), '--public-url', base);

// 1b. Pipeline descriptions and runbooks, fetched by the pages that show them (not in the wasm).
rota('text', '--out', staging);

// 1c. The static JSON API for bots and scripts (api/v1/*.json next to their schemas), as of the
// same build instant, with links under the same public URL.
rota('api', '--out', staging, '--public-url', base);
console.log(`post-build: calendar feeds, text files and API written (${took()})`);

// 2. Who is on call when, as data in the page, so assets/now-first.js can answer before the wasm
// has loaded: the API's stretches (every handoff and cover from 8 weeks before the build to 104
// after), as [start ms, end ms, slug] plus names. `<` is escaped so no name can end the element.
let html = readFileSync(join(staging, 'index.html'), 'utf8');
const readApi = (file) => JSON.parse(readFileSync(join(staging, 'api/v1', file), 'utf8'));
// A team with layers: who is paged first, i.e. the stretches of its primary layers (in time
// order; a gap in their hours is a gap in the table, where the page waits for the app).
const pagedFirst = (api) => {
  if (!api.layers) return api.stretches;
  const primary = new Set(api.layers.filter((l) => l.role === 'primary').map((l) => l.slug));
  return api.stretches.filter((s) => primary.has(s.layer)).sort((a, b) => a.start_unix - b.start_unix);
};
const tableOf = (api) => ({
  team: api.team,
  names: Object.fromEntries(api.stretches.map((s) => [s.engineer, s.engineer_name])),
  stretches: pagedFirst(api).map((s) => [s.start_unix * 1000, s.end_unix * 1000, s.engineer]),
});
// An organisation's table has every team's, by slug, in display order (see docs/organisation.md).
const organisation = existsSync(join(staging, 'api/v1/teams.json')) ? readApi('teams.json') : null;
const onCallTable = organisation
  ? {
    organisation: organisation.name,
    teams: organisation.teams.map((t) => ({ slug: t.slug, ...tableOf(readApi(`teams/${t.slug}/schedule.json`)) })),
  }
  : tableOf(readApi('schedule.json'));

// 3. Content-Security-Policy: no inline code except trunk's loader, allowed by its hash (the
// table below is data, which the browser never runs). Release builds only: `trunk serve`
// injects its live-reload script after this hook runs.
if (process.env.TRUNK_PROFILE === 'release') {
  const code = /<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>([\s\S]*?)<\/script>/g;
  const inline = [...html.matchAll(code)].map((m) => m[1]);
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
  html = edit(html, 'index.html', 'the Content-Security-Policy', '<meta charset="utf-8" />',
    `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
}
// trunk gives the wasm's preload an integrity hash, which Chromium ignores for `as="fetch"`
// and warns about on every page (the loader's own fetch of the wasm carries none).
const wasmPreload = html.match(/<link rel="preload"[^>]* as="fetch" type="application\/wasm">/)?.[0];
if (!wasmPreload) throw new Error('index.html has no preload of the wasm; did trunk change its output?');
html = edit(html, 'index.html', "the wasm's preload without integrity", wasmPreload, wasmPreload.replace(/ integrity="[^"]*"/, ''));
const withTable = (page, table) => edit(page, 'index.html', 'the on-call table', '</head>',
  `  <script type="application/json" id="on-call-table">${JSON.stringify(table).replaceAll('<', '\\u003c')}</script>\n  </head>`);
// An organisation's front page carries every team's table, so only its next 13 weeks: a page
// opened later says "Loading…" until the app, whose table reaches 104 weeks, takes over (at
// 200 teams the whole table was 55 kB brotli of a 60 kB page).
const FRONT_WEEKS = 13;
const frontTable = (table) => {
  if (!organisation) return table;
  const from = Date.parse(organisation.generated_at);
  const to = from + FRONT_WEEKS * 7 * 24 * 3600 * 1000;
  const teams = table.teams.map((team) => {
    const stretches = team.stretches.filter(([start, end]) => end > from && start < to);
    return { ...team, names: Object.fromEntries(stretches.map(([, , slug]) => [slug, team.names[slug]])), stretches };
  });
  return { ...table, teams };
};
const front = withTable(html, frontTable(onCallTable));
writeFileSync(join(staging, 'index.html'), front);

// 4. Every page path gets the shell; unknown paths get it as 404.html (the app says "not found").
// An organisation's team Now page carries only its team's table, and pages that paint no
// on-call name none, so no page grows with the number of teams but the front page.
const paths = rota('paths').split('\n').filter((p) => p && p !== '/');
// Pages carry their content, rendered at build time by the app's own views (src/prerender.rs),
// so it is there before the wasm and without it. Not the Now views, which assets/now-first.js
// paints from the table at load.
const teamNow = (path) => organisation?.teams.some((t) => path === `/teams/${t.slug}/`);
const prerendered = await prerender(paths.filter((p) => !teamNow(p)));
console.log(`post-build: ${prerendered.size} pages rendered at build time (${took()})`);
const withContent = (page, path) => {
  const content = prerendered.get(path);
  if (!content) return page;
  const shellMain = page.match(/<main id="main"[^>]*>[\s\S]*?<\/main>/)[0];
  const title = content.title.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return edit(edit(page, 'index.html', 'the page\'s content', shellMain, content.main),
    'index.html', 'the page\'s title', '<title>rota · on call</title>', `<title>${title}</title>`);
};
// An organisation's pipeline and runbook pages carry their team's table, for the escalation
// line's "On call now" (see now-first.js); its other pages none.
const teamOfPage = new Map();
for (const team of organisation?.teams ?? []) {
  const { pipelines } = readApi(`teams/${team.slug}/pipelines.json`);
  const site = (link) => link.slice(base.length - 1);
  for (const p of pipelines) for (const link of [p.page, p.runbook].filter(Boolean)) teamOfPage.set(site(link), team.slug);
}
const pageOf = (path) => {
  if (!organisation) return withContent(front, path);
  const slug = teamNow(path) ? path.split('/')[2] : teamOfPage.get(path);
  const team = onCallTable.teams.find((t) => t.slug === slug);
  return withContent(team ? withTable(html, { organisation: onCallTable.organisation, teams: [team] }) : html, path);
};
for (const path of paths) {
  mkdirSync(join(staging, path), { recursive: true });
  writeFileSync(join(staging, path, 'index.html'), pageOf(path));
}
writeFileSync(join(staging, '404.html'), organisation ? html : front);

// 5. The service worker: precache the shell and every asset, not the per-route copies.
const pageCopies = new Set([...paths.map((p) => join(p.slice(1), 'index.html')), '404.html', 'sw.js']);
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [relative(staging, path)];
  });
}
// Not the API (it is for bots and scripts) nor the calendar feeds (for calendar apps, which
// fetch them from the host): the app reads neither, and both change with every build.
const files = walk(staging)
  .filter((file) => !pageCopies.has(file) && !file.startsWith('api/') && !file.startsWith('calendar/'))
  .sort();
const digest = createHash('sha256');
const precache = {};
for (const file of files) {
  const hash = sha('sha256', readFileSync(join(staging, file)));
  digest.update(file).update(hash);
  precache[base + file] = hash.toString('hex').slice(0, 16);
}
const deployment = `rota ${base} `;
const version = digest.digest('hex').slice(0, 16);
let worker = readFileSync(join(root, 'assets/sw.js'), 'utf8');
for (const [marker, value] of [
  ['%DEPLOYMENT%', JSON.stringify(deployment)],
  ['%VERSION%', version],
  ['%PRECACHE%', JSON.stringify(precache, null, 2)],
  ['%REVISIONS%', `${base}sw-precache-revisions`],
  ['%SHELL%', `${base}index.html`],
]) worker = edit(worker, 'assets/sw.js', marker, marker, value);
writeFileSync(join(staging, 'sw.js'), worker);
console.log(`post-build: ${paths.length + 1} pages, ${files.length} precached files, cache "${deployment}${version}" (${took()})`);

// 6. Pre-compressed copies for hosts that serve them (nginx `gzip_static`/`brotli_static`,
// Caddy `precompressed`, …): many hosts compress nothing by themselves (nginx's default
// `gzip_types` leaves out application/wasm), and the wasm is three quarters of a first load.
// They are not precached: the service worker fetches and stores the plain files.
const compressible = /\.(html|js|wasm|css|svg|json|webmanifest|ics|txt)$/;
let before = 0, brotli = 0;
// Most of the files are the pages (11,204 at 200 teams, 208 MB with their content): each
// different content is compressed once. zlib's async calls run on libuv's thread pool, so a
// few at a time use every core. Brotli's quality 11 takes 18 ms for a 13 kB page, quality 10
// 5 ms for 3 % more bytes: a site of thousands of pages takes 10 for its pages (at 200 teams,
// 104 s → 29 s of the build's 5 minutes); the rest, and a small site's pages, 11.
const manyPages = paths.length > 1000;
const compressed = new Map();
const compress = (plain, file) => {
  const key = sha('sha256', plain).toString('hex');
  if (!compressed.has(key)) {
    const quality = manyPages && pageCopies.has(file) ? 10 : 11;
    compressed.set(key, Promise.all([
      brotliCompress(plain, {
        params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: plain.length },
      }),
      gzip(plain, { level: 9 }),
    ]));
  }
  return compressed.get(key);
};
const queue = walk(staging).filter((f) => compressible.test(f));
const compressor = async () => {
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    const path = join(staging, file);
    const plain = readFileSync(path);
    const [br, gz] = await compress(plain, file);
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    before += plain.length;
    brotli += br.length;
  }
};
await Promise.all(Array.from({ length: availableParallelism() + 1 }, compressor));
console.log(`post-build: pre-compressed ${before} bytes to ${brotli} (brotli, ${took()})`);
