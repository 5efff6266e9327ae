// The deploy recipes in deploy/: every YAML file parses, each job runs when the README says
// (push to main, a weekly schedule, pull and merge requests), and a dry run executes their
// shell steps here. What runs for real: the data review (deploy/review-data.sh with the real
// rota CLI and git, against a scratch repository whose main and request branches hold this
// checkout's data/, before and after a change) and the public-URL logic of the Pages builds.
// Stubbed, because they need GitHub, GitLab or minutes of compiling: `cargo build` (the test
// builds the CLI itself), `gh` and `curl` (they record what would be posted), scripts/setup,
// scripts/build (they record their arguments), and the `uses:` actions (checkout, Pages upload
// and deployment), which are GitHub's.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const deploy = join(root, 'deploy');
const recipe = (path) => parse(readFileSync(join(deploy, path), 'utf8'));
const pages = () => recipe('github/pages.yml');
const review = () => recipe('github/review-data.yml');
const gitlab = () => recipe('gitlab/.gitlab-ci.yml');

let scratch;
let rotaBin;
before(() => {
  execFileSync('cargo', ['build', '-q', '-p', 'rota-cli'], { cwd: root, stdio: 'inherit' });
  rotaBin = join(root, 'target/debug/rota');
  scratch = mkdtempSync(join(tmpdir(), 'rota-deploy-'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

function yamlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

test('every YAML file in deploy/ parses, without repeated keys', () => {
  const files = yamlFiles(deploy);
  assert.deepEqual(files.map((f) => f.slice(deploy.length + 1)).sort(), [
    'github/pages.yml',
    'github/review-data.yml',
    'gitlab/.gitlab-ci.yml',
  ]);
  for (const file of files) {
    const doc = parse(readFileSync(file, 'utf8')); // throws on syntax errors and repeated keys
    assert.equal(typeof doc, 'object', file);
  }
});

test('no GitHub run step expands ${{ }} inside its script (script injection), so the dry run runs them as written', () => {
  for (const workflow of [pages(), review()]) {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps.filter((s) => s.run)) assert.doesNotMatch(step.run, /\$\{\{/, step.name);
    }
  }
});

/** A cron line that fires once a week: a fixed minute, hour and weekday. */
function assertWeekly(cron) {
  const [minute, hour, dom, month, dow] = cron.split(/\s+/);
  assert.match(minute, /^\d+$/);
  assert.match(hour, /^\d+$/);
  assert.equal(dom, '*');
  assert.equal(month, '*');
  assert.match(dow, /^[0-6]$/, cron);
}

test("GitHub Pages builds on every push to main and weekly, with the repository's own scripts, and publishes dist/", () => {
  const workflow = pages();
  assert.deepEqual(workflow.on.push.branches, ['main']);
  assert.equal(workflow.on.schedule.length, 1);
  assertWeekly(workflow.on.schedule[0].cron);
  const steps = workflow.jobs.build.steps;
  const runs = steps.filter((s) => s.run).map((s) => s.run);
  assert.equal(runs[0], 'scripts/setup');
  assert.match(runs[1], /\nscripts\/build --public-url "\$public_url"\n/);
  assert.deepEqual(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@')).with, { path: 'dist' });
  assert.ok(workflow.jobs.deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
  assert.deepEqual(workflow.jobs.deploy.needs, 'build');
});

test('the GitHub data review runs on pull requests to main that touch data/', () => {
  const workflow = review();
  assert.deepEqual(Object.keys(workflow.on), ['pull_request']);
  assert.deepEqual(workflow.on.pull_request, { branches: ['main'], paths: ['data/**'] });
  assert.equal(workflow.permissions['pull-requests'], 'write');
});

test('GitLab publishes Pages on pushes to the default branch and scheduled pipelines, and reviews merge requests', () => {
  const ci = gitlab();
  const conditions = (job) => ci[job].rules.map((r) => r.if);
  assert.ok(conditions('pages').includes('$CI_PIPELINE_SOURCE == "schedule"'));
  assert.ok(conditions('pages').includes('$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH'));
  assert.ok(!conditions('pages').some((c) => c.includes('merge_request_event')));
  assert.deepEqual(ci.pages.artifacts.paths, ['public']);
  assert.ok(ci.pages.script.includes('scripts/setup'));
  assert.deepEqual(ci['review-data'].rules, [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"', changes: ['data/**/*'] }]);
  assert.equal(ci['review-data'].artifacts.when, 'always');
});

// ---- dry runs ------------------------------------------------------------------------------------

/** A fresh directory with stub commands in bin/ that log their arguments to calls.log. */
function sandbox(name) {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  const stub = (command, body) => {
    writeFileSync(join(dir, 'bin', command), `#!/bin/sh\necho "${command} $*" >> "${dir}/calls.log"\n${body}\n`);
    chmodSync(join(dir, 'bin', command), 0o755);
  };
  // The recipes' one cargo command. The CLI is already built, so link it where cargo would put
  // it, after refusing invalid embedded data as the real build script does.
  stub('cargo', [
    '[ "$*" = "build --quiet --locked -p rota-cli" ] || exit 101',
    `"${rotaBin}" check --data "$ROTA_DATA_DIR" >&2 || exit 101`,
    `mkdir -p target/debug && ln -sf "${rotaBin}" target/debug/rota`,
  ].join('\n'));
  // Reading the pull request's comments finds $STUB_COMMENT_ID (if set) as this workflow's own.
  stub('gh', 'case "$1 $2" in "api repos/"*) [ -n "$STUB_COMMENT_ID" ] && echo "$STUB_COMMENT_ID";; esac; exit 0');
  stub('curl', 'exit 0');
  const log = join(dir, 'calls.log');
  const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);
  return { dir, calls, env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}`, HOME: dir, GIT_CONFIG_NOSYSTEM: '1' } };
}

/** Runs a GitHub job's `run:` steps in order, the way the runner would: later steps only after
 * success unless their `if:` says otherwise, `${{ }}` in `env:` replaced from `expressions`. */
function runGithubJob(job, cwd, env, expressions = {}) {
  const steps = [];
  let failed = false;
  for (const step of job.steps.filter((s) => s.run)) {
    if (failed && !/always\(\)|!cancelled\(\)|failure\(\)/.test(step.if ?? '')) continue;
    const expand = (value) =>
      String(value).replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e) => expressions[e] ?? assert.fail(`no value for ${e}`));
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value)]));
    const bash = ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run];
    const r = spawnSync('bash', bash, { cwd, env: { ...env, ...stepEnv }, encoding: 'utf8' });
    steps.push({ name: step.name, status: r.status, output: r.stdout + r.stderr });
    if (r.status !== 0 && !step['continue-on-error']) failed = true;
  }
  return { failed, steps };
}

/** Runs a GitLab job's script as the runner does: one shell, stopping at the first failure. */
function runGitlabJob(job, cwd, env) {
  const r = spawnSync('bash', ['-eo', 'pipefail', '-c', job.script.join('\n')], { cwd, env, encoding: 'utf8' });
  return { status: r.status, output: r.stdout + r.stderr };
}

const identity = ['-c', 'user.name=Test', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false'];
const git = (cwd, ...args) => execFileSync('git', [...identity, ...args], { cwd, stdio: 'pipe' });

/** A repository like a request's checkout: main holds this checkout's data/ and the review
 * script, the checked-out branch changes data/leave.json to `leave`; origin is itself. */
function requestRepo(box, leave) {
  const repo = join(box.dir, 'repo');
  mkdirSync(join(repo, 'deploy'), { recursive: true });
  cpSync(join(root, 'data'), join(repo, 'data'), { recursive: true });
  cpSync(join(deploy, 'review-data.sh'), join(repo, 'deploy/review-data.sh'));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'main');
  git(repo, 'checkout', '-q', '-b', 'request');
  writeFileSync(join(repo, 'data/leave.json'), JSON.stringify(leave));
  git(repo, 'commit', '-q', '-am', 'leave');
  git(repo, 'remote', 'add', 'origin', repo);
  return repo;
}

const conference = [{ engineer: 'bob', from: '2026-04-29', to: '2026-04-30', note: 'Conference' }];

/** What README.md's example of rota diff says this leave does, as an indented code block. */
function assertReviewOfConference(text) {
  assert.match(text, /^<!-- rota data review -->\n### On-call data review\n`rota check`:\n\n {4}data is valid: 4 engineers, 5 pipelines, 3 runbooks, 1 holiday calendars\n/);
  assert.match(text, /\n`rota diff` from `main` to this request:\n/);
  assert.match(text, /\n {4}2026-W18 {2}Mon 27 Apr 2026 09:00 EDT – Mon 4 May 2026 09:00 EDT\n {6}before: Bob\n {6}after: {2}Charlie \(swap with 2026-W19\)\n/);
  assert.match(text, /\n {6}Bob 2026: swaps given 3 → 4\n {6}Charlie 2026: swaps taken 3 → 4\n/);
  // Weeks of April 2026 have started, so reviewers are told so.
  assert.match(text, /\*\*Careful: this changes weeks that are already under way.\*\*\n\n {4}WARNING: this change rewrites 2 weeks that have already started/);
}

test('dry run: the GitHub review reports the schedule change in the job summary and one comment', () => {
  const box = sandbox('github-review');
  const repo = requestRepo(box, conference);
  const summary = join(box.dir, 'summary.md');
  const env = { ...box.env, GITHUB_BASE_REF: 'main', GITHUB_REPOSITORY: 'acme/oncall', GITHUB_STEP_SUMMARY: summary };
  const expressions = { 'github.token': 'token', 'github.event.pull_request.number': '42' };
  const run = runGithubJob(review().jobs.review, repo, env, expressions);
  assert.deepEqual(run.steps.map((s) => s.status), [0, 0], JSON.stringify(run.steps, null, 1));
  const report = readFileSync(join(repo, 'review.md'), 'utf8');
  assertReviewOfConference(report);
  assert.equal(readFileSync(summary, 'utf8'), report);
  assert.deepEqual(box.calls().slice(1), [
    "gh api repos/acme/oncall/issues/42/comments --paginate --jq .[] | select(.body | startswith(\"<!-- rota data review -->\")) | .id",
    'gh pr comment 42 --body-file review.md',
  ]);
  // The review leaves no worktree behind.
  assert.equal(git(repo, 'worktree', 'list').toString().trim().split('\n').length, 1);

  // The next push updates that comment instead of adding one.
  const again = runGithubJob(review().jobs.review, repo, { ...env, STUB_COMMENT_ID: '7' }, expressions);
  assert.equal(again.failed, false);
  assert.equal(box.calls().at(-1), 'gh api --method PATCH repos/acme/oncall/issues/comments/7 -F body=@review.md');
});

test('dry run: invalid data fails the GitHub review, and the comment still says why', () => {
  const box = sandbox('github-invalid');
  const repo = requestRepo(box, [{ ...conference[0], engineer: 'bobb' }]);
  const summary = join(box.dir, 'summary.md');
  const env = { ...box.env, GITHUB_BASE_REF: 'main', GITHUB_REPOSITORY: 'acme/oncall', GITHUB_STEP_SUMMARY: summary };
  const expressions = { 'github.token': 't', 'github.event.pull_request.number': '42' };
  const run = runGithubJob(review().jobs.review, repo, env, expressions);
  assert.equal(run.failed, true);
  assert.deepEqual(run.steps.map((s) => s.status), [1, 0]);
  assert.equal(
    readFileSync(join(repo, 'review.md'), 'utf8'),
    '<!-- rota data review -->\n### On-call data review\n' +
      '**The data of this request is invalid**: the site would not build. `rota check` says:\n\n' +
      '    data/leave.json: /0/engineer: unknown engineer "bobb" (known: alice, bob, charlie, diana)\n\n',
  );
  assert.equal(box.calls().at(-1), 'gh pr comment 42 --body-file review.md');
});

test('dry run: the GitLab review writes the report to the log and review.md, and posts it as a note with a token', () => {
  const box = sandbox('gitlab-review');
  const repo = requestRepo(box, conference);
  const env = {
    ...box.env,
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_API_V4_URL: 'https://gitlab.example.com/api/v4',
    CI_PROJECT_ID: '9',
    CI_MERGE_REQUEST_IID: '5',
  };
  const without = runGitlabJob(gitlab()['review-data'], repo, env);
  assert.equal(without.status, 0, without.output);
  assertReviewOfConference(readFileSync(join(repo, 'review.md'), 'utf8'));
  assert.match(without.output, /\n {6}before: Bob\n/);
  assert.ok(!box.calls().some((c) => c.startsWith('curl')), 'no note without a token');

  const withToken = runGitlabJob(gitlab()['review-data'], repo, { ...env, ROTA_REVIEW_TOKEN: 'secret' });
  assert.equal(withToken.status, 0, withToken.output);
  assert.equal(
    box.calls().at(-1),
    'curl --fail --silent --show-error --request POST --header PRIVATE-TOKEN: secret --data-urlencode body@review.md ' +
      'https://gitlab.example.com/api/v4/projects/9/merge_requests/5/notes',
  );
});

/** A directory whose scripts/setup and scripts/build only record that they ran. */
function buildSandbox(name) {
  const box = sandbox(name);
  mkdirSync(join(box.dir, 'scripts'));
  for (const script of ['setup', 'build']) {
    const body = `#!/bin/sh\necho "scripts/${script} $*" >> calls.log\nmkdir -p dist && touch dist/index.html\n`;
    writeFileSync(join(box.dir, 'scripts', script), body);
    chmodSync(join(box.dir, 'scripts', script), 0o755);
  }
  return box;
}

test('dry run: GitHub Pages builds project sites under /<repository>/ and user sites at /', () => {
  for (const [repository, url] of [['acme/oncall', '/oncall/'], ['acme/acme.github.io', '/']]) {
    const box = buildSandbox(`github-pages-${url.replaceAll("/", "")}`);
    const run = runGithubJob(pages().jobs.build, box.dir, { ...box.env, GITHUB_REPOSITORY: repository });
    assert.equal(run.failed, false, JSON.stringify(run.steps));
    assert.deepEqual(box.calls(), ['scripts/setup ', `scripts/build --public-url ${url}`], repository);
  }
});

test('dry run: GitLab Pages builds for the path of $CI_PAGES_URL and publishes public/', () => {
  for (const [pagesUrl, url] of [
    ['https://acme.gitlab.io/oncall', '/oncall/'],
    ['https://acme.gitlab.io/team/sub/oncall/', '/team/sub/oncall/'],
    ['https://oncall-1a2b3c.gitlab.io', '/'],
  ]) {
    const box = buildSandbox(`gitlab-pages-${url.replaceAll("/", "-")}`);
    const run = runGitlabJob(gitlab().pages, box.dir, { ...box.env, CI_PAGES_URL: pagesUrl });
    assert.equal(run.status, 0, run.output);
    const scripts = box.calls().filter((c) => c.startsWith('scripts/'));
    assert.deepEqual(scripts, ['scripts/setup ', `scripts/build --public-url ${url}`], pagesUrl);
    assert.ok(existsSync(join(box.dir, 'public/index.html')));
  }
});
