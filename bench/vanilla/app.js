// Page A of the benchmark: the on-call answer from a table of handoffs
// ({ names, weeks: [[start (Unix seconds), index into names], ...], end }), by a binary search.
const table = JSON.parse(document.getElementById('handoffs').textContent);
const now = Date.now() / 1000;
const weeks = table.weeks;
let lo = 0, hi = weeks.length - 1;
while (lo < hi) {
  const mid = (lo + hi + 1) >> 1;
  if (weeks[mid][0] <= now) lo = mid; else hi = mid - 1;
}
const found = weeks[lo][0] <= now && now < table.end;
document.querySelector('[data-testid="on-call-now"]').textContent = found ? table.names[weeks[lo][1]] : 'Nobody yet';
if (found) {
  const until = new Date((lo + 1 < weeks.length ? weeks[lo + 1][0] : table.end) * 1000);
  document.getElementById('until').textContent = 'until ' + until.toLocaleString('en-US', {
    timeZone: table.zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  });
}
