// Paints the answer to "who is on call now" before the wasm has loaded, from the table of
// stretches the build places in the page (scripts/post-build.mjs, computed by the same `rota`
// code as the app). The app replaces it in place when it mounts, with the same words, and adds
// the times, notes and everything else below the name, so nothing painted here moves.
// Loaded from a file, not inline, so the Content-Security-Policy needs no exception for it;
// the table is data (type application/json), which the browser never runs.
//
// It paints only where its answer is the app's answer: the Now view without a what-if preview
// (any query may change who is on call), and an instant the table covers. Otherwise the page
// says "Loading…" until the app takes over, as it did before. An organisation's table holds
// every team's: its front page lists who is on call in each, a team's Now view its own.
(() => {
  const source = document.getElementById('on-call-table');
  const main = document.getElementById('main');
  if (!source || !main || location.search) return;
  let table;
  try {
    table = JSON.parse(source.textContent);
  } catch {
    return;
  }
  const base = new URL(document.baseURI).pathname;
  const page = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : null;
  const now = Date.now();
  const onCall = (stretches) => stretches.find(([start, end]) => start <= now && now < end)?.[2];

  const element = (tag, attributes, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const person = (names, slug, testid) => element('a', {
    href: `${base}people/${encodeURIComponent(slug)}`, ...(testid && { 'data-testid': testid }),
  }, names[slug] ?? slug);
  const paint = (section) => {
    main.classList.remove('loading');
    main.removeAttribute('aria-busy');
    main.replaceChildren(section);
  };
  const nowSection = (team) => {
    const slug = onCall(team.stretches);
    if (slug === undefined) return null;
    return element(
      'section',
      { class: 'now', 'aria-labelledby': 'now-title' },
      element('h1', { id: 'now-title' }, 'On call now'),
      element('p', { class: 'team-name' }, team.team),
      element('p', { class: 'on-call-name' }, person(team.names, slug, 'on-call-now')),
    );
  };

  // Pages rendered at build time (src/prerender.rs) have the escalation line's first step
  // hidden for every engineer: the one on call now is shown. (An organisation's pipeline and
  // runbook pages carry their team's table.)
  const showOnCallStep = (team) => {
    const slug = onCall(team.stretches);
    if (slug === undefined) return;
    for (const step of main.querySelectorAll('li[data-step="on-call"][hidden]')) {
      if (step.dataset.engineer === slug) step.hidden = false;
      else step.remove();
    }
  };
  const front = page === '' || page === 'index.html';
  if (!table.teams) {
    // One team: its Now view is the site's front page.
    const section = front && nowSection(table);
    if (section) paint(section);
    else if (!front) showOnCallStep(table);
    return;
  }
  // An organisation: every team's on-call on the front page, one team's on its own.
  const teamPage = page?.match(/^teams\/([^/]+)\/(index\.html)?$/);
  if (teamPage) {
    const team = table.teams.find((t) => t.slug === decodeURIComponent(teamPage[1]));
    const section = team && nowSection(team);
    if (section) paint(section);
    return;
  }
  if (!front) {
    if (table.teams.length === 1) showOnCallStep(table.teams[0]);
    return;
  }
  // The front page's table reaches 13 weeks past the build; later, the app answers.
  if (table.teams.some((t) => t.stretches.length && now >= t.stretches[t.stretches.length - 1][1])) return;
  const rows = table.teams.map((team) => {
    const slug = onCall(team.stretches);
    return element(
      'li',
      { class: 'org-team', 'data-team': team.slug },
      element('h2', {}, element('a', { href: `${base}teams/${encodeURIComponent(team.slug)}/` }, team.team)),
      element('p', { class: 'on-call-name' },
        slug === undefined ? 'Nobody yet' : person(team.names, slug, 'team-on-call')),
    );
  });
  paint(element(
    'section',
    { class: 'org-now', 'aria-labelledby': 'now-title' },
    element('h1', { id: 'now-title' }, 'On call now'),
    element('p', { class: 'team-name' }, table.organisation),
    // The app's filter, in place so nothing moves when the app takes over.
    element('div', { class: 'field org-filter' },
      element('label', { for: 'org-filter' }, 'Filter by team, person or pipeline'),
      element('input', { id: 'org-filter', type: 'search', autocomplete: 'off' })),
    element('p', { class: 'muted', role: 'status' }, `${rows.length} of ${rows.length} teams`),
    element('ul', { class: 'org-teams', 'data-testid': 'org-teams' }, ...rows),
  ));
})();
