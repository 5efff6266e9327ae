// Runs every browser test (tests/browser/*.test.mjs) against the release build in dist/.
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './support.mjs';

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/index.html is missing: build the site first (scripts/build)');
  process.exit(1);
}
const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).map((f) => join(dir, f));
const stream = run({ files, concurrency: 1 });
stream.on('test:fail', () => { process.exitCode = 1; });
stream.compose(spec).pipe(process.stdout);
