// Paints the answer to "who is on call now" before the wasm has loaded, from the table of
// stretches the build places in the page (scripts/post-build.mjs, computed by the same `rota`
// code as the app). The app replaces it in place when it mounts, with the same words, and adds
// the times, notes and everything else below the name, so nothing painted here moves.
// Loaded from a file, not inline, so the Content-Security-Policy needs no exception for it;
// the table is data (type application/json), which the browser never runs.
//
// It paints only where its answer is the app's answer: the Now view without a what-if preview
// (any query may change who is on call), and an instant the table covers. Otherwise the page
// says "Loading…" until the app takes over, as it did before.
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
  if (location.pathname !== base && location.pathname !== `${base}index.html`) return;
  const now = Date.now();
  const stretches = table.stretches;
  const at = stretches.findIndex(([start, end]) => start <= now && now < end);
  if (at < 0) return;
  const [, , slug] = stretches[at];

  const element = (tag, attributes, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const href = `${base}people/${encodeURIComponent(slug)}`;
  const name = element('a', { href, 'data-testid': 'on-call-now' }, table.names[slug] ?? slug);
  const section = element(
    'section',
    { class: 'now', 'aria-labelledby': 'now-title' },
    element('h1', { id: 'now-title' }, 'On call now'),
    element('p', { class: 'team-name' }, table.team),
    element('p', { class: 'on-call-name' }, name),
  );
  main.classList.remove('loading');
  main.removeAttribute('aria-busy');
  main.replaceChildren(section);
})();
