#!/usr/bin/env node
// Posts who is on call now to a chat webhook, from the site's static API (api/v1/schedule.json).
// Meant for cron or a CI schedule, e.g. every Monday just after the handoff:
//
//   ROTA_CHAT_WEBHOOK=https://hooks.slack.com/services/… node post-on-call-to-chat.mjs https://example.org/oncall/
//
// SITE is the site's address, or a built site's folder (dist/) to try it before deploying.
// The message is posted as {"text": "…"}, which Slack, Mattermost, Rocket.Chat and Google Chat
// incoming webhooks accept. Node 18 or later; nothing to install.
//
// Options: --dry-run prints the message as JSON instead of posting it; --at INSTANT (RFC 3339)
// asks about another instant than now.
// Exit codes: 0 posted (or printed), 1 nobody to name (the site needs a rebuild) or the post
// failed, 2 bad arguments.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const usage = 'usage: post-on-call-to-chat.mjs [--dry-run] [--at INSTANT] SITE  (webhook in $ROTA_CHAT_WEBHOOK)';

function fail(message, code = 1) {
  console.error(`post-on-call-to-chat: ${message}`);
  process.exit(code);
}

function parseArgs(argv) {
  const args = { dryRun: false, at: new Date(), site: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--at') {
      args.at = new Date(argv[++i] ?? '');
      if (Number.isNaN(args.at.getTime())) fail(`--at needs an instant such as 2026-11-26T12:00:00-05:00\n${usage}`, 2);
    } else if (arg.startsWith('-') || args.site !== undefined) fail(`unexpected argument "${arg}"\n${usage}`, 2);
    else args.site = arg;
  }
  if (args.site === undefined) fail(usage, 2);
  return args;
}

/// The schedule file of SITE: fetched from an http(s) address, read from a folder otherwise.
async function schedule(site) {
  if (/^https?:\/\//.test(site)) {
    const url = new URL('api/v1/schedule.json', site.endsWith('/') ? site : `${site}/`);
    const response = await fetch(url);
    if (!response.ok) fail(`${url}: HTTP ${response.status}`);
    return response.json();
  }
  return JSON.parse(await readFile(join(site, 'api/v1/schedule.json'), 'utf8'));
}

/// E.g. "Alice is on call for Data Engineering until 2026-11-30 09:00 (America/New_York); next: Diana."
function message(file, at) {
  const seconds = Math.floor(at.getTime() / 1000);
  const i = file.stretches.findIndex((s) => s.start_unix <= seconds && seconds < s.end_unix);
  if (i < 0) {
    fail(`the site's schedule covers ${file.horizon.from} to ${file.horizon.to}, not ${at.toISOString()}: rebuild the site`);
  }
  const now = file.stretches[i];
  const next = file.stretches[i + 1];
  // The end as the team's wall clock: the instant's own local date and time.
  const until = now.end.slice(0, 16).replace('T', ' ');
  const covering = now.instead_of ? ` (covering for ${now.instead_of.name})` : '';
  const then = next ? `; next: ${next.engineer_name}` : '';
  return `${now.engineer_name}${covering} is on call for ${file.team} until ${until} (${file.time_zone})${then}.`;
}

const args = parseArgs(process.argv.slice(2));
const payload = JSON.stringify({ text: message(await schedule(args.site), args.at) });
if (args.dryRun) {
  console.log(payload);
} else {
  const webhook = process.env.ROTA_CHAT_WEBHOOK;
  if (!webhook) fail(`set ROTA_CHAT_WEBHOOK to the chat's incoming webhook, or use --dry-run\n${usage}`, 2);
  const response = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
  if (!response.ok) fail(`the webhook answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
}
