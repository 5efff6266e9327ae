// scripts/post-build.mjs edits trunk's index.html and the service worker template at markers
// (issue 16): a marker that is missing or repeated stops the build with a message naming the
// file and the marker, instead of shipping a page without its CSP or on-call table. The rota
// CLI it runs is stubbed by a `cargo` that writes the one file the edits read (the API's
// schedule) and lists no pages: compiling the CLI here would take minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { edit } from '../../scripts/html-edit.mjs';

const root = resolve(import.meta.dirname, '../..');
/** index.html as trunk writes it: the rust link replaced by the wasm's preload (with the
 * integrity hash trunk gives it) and the loader (its script stands in for trunk's). */
const WASM_PRELOAD = '<link rel="preload" href="/rota-site-0123_bg.wasm" crossorigin="anonymous" integrity="sha384-AAAA" as="fetch" type="application/wasm">';
const INDEX = readFileSync(join(root, 'index.html'), 'utf8')
  .replace(/<link data-trunk rel="rust"[^>]*>/, `${WASM_PRELOAD}\n<script type="module">import init from '/rota-site-0123.js'; init();</script>`);

test('an edit replaces its one marker, and refuses a missing or repeated one', () => {
  assert.equal(edit('<head></head>', 'index.html', 'the table', '</head>', 'T</head>'), '<head>T</head>');
  assert.throws(() => edit('<head>', 'index.html', 'the table', '</head>', 'T'),
    { message: 'index.html has no "</head>" to put the table at; was it changed?' });
  assert.throws(() => edit('</head></head>', 'index.html', 'the table', '</head>', 'T'),
    { message: 'index.html has "</head>" more than once, so where the table goes is unclear' });
});

/** Runs post-build on a staging folder holding `html` as its index.html. */
function postBuild(html) {
  const dir = mkdtempSync(join(tmpdir(), 'rota-post-build-'));
  const staging = join(dir, 'staging');
  mkdirSync(staging);
  writeFileSync(join(staging, 'index.html'), html);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'cargo'), `#!/usr/bin/env node
const args = process.argv.slice(process.argv.indexOf('--') + 1);
if (args[0] === 'api') {
  const api = require('path').join(args[args.indexOf('--out') + 1], 'api/v1');
  require('fs').mkdirSync(api, { recursive: true });
  require('fs').writeFileSync(api + '/schedule.json', JSON.stringify({ team: 'Test', stretches: [] }));
}
`);
  chmodSync(join(bin, 'cargo'), 0o755);
  const run = spawnSync('node', [join(root, 'scripts/post-build.mjs')], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, TRUNK_STAGING_DIR: staging, TRUNK_PUBLIC_URL: '/', TRUNK_PROFILE: 'release' },
  });
  return { ...run, staging };
}

test('post-build edits an intact index.html', () => {
  const run = postBuild(INDEX);
  assert.equal(run.status, 0, run.stderr);
  const html = readFileSync(join(run.staging, 'index.html'), 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy"/);
  assert.match(html, /<script type="application\/json" id="on-call-table">/);
  assert.doesNotMatch(readFileSync(join(run.staging, 'sw.js'), 'utf8'), /%[A-Z]+%/);
  // Chromium ignores an integrity hash on a preload `as="fetch"` and warns on every page.
  assert.ok(html.includes(WASM_PRELOAD.replace(' integrity="sha384-AAAA"', '')), 'the wasm preload without its integrity');
});

test('post-build stops, saying so, when trunk wrote no preload of the wasm', () => {
  const run = postBuild(INDEX.replace(WASM_PRELOAD, ''));
  assert.equal(run.status, 1);
  assert.equal(run.stderr, "post-build: index.html has no preload of the wasm; did trunk change its output?\n");
});

for (const [marker, what] of [['<meta charset="utf-8" />', 'the Content-Security-Policy'], ['</head>', 'the on-call table']]) {
  test(`post-build stops, naming the marker, when index.html has no ${marker}`, () => {
    assert.ok(INDEX.includes(marker));
    const run = postBuild(INDEX.replace(marker, ''));
    assert.equal(run.status, 1);
    assert.equal(run.stderr, `post-build: index.html has no ${JSON.stringify(marker)} to put ${what} at; was it changed?\n`);
  });
}
