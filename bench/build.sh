#!/usr/bin/env bash
# Builds the five pages of the benchmark (issues 11 and 17) into target/bench/ and records how long
# the builds of rota took, and `rota check` of E's organisation (target/bench/builds.json):
#   A  bench/vanilla/ with its handoff table from the rota CLI   -> target/bench/dist-a
#   B  bench/bare-leptos/ (its own workspace and cargo target)   -> target/bench/dist-b
#   C  rota on data/                                             -> target/bench/dist-c
#   D  rota on bench/generate-org.mjs's organisation-sized data  -> target/bench/dist-d
#   E  rota on generate-org.mjs --org's 200-team organisation    -> target/bench/dist-e
# The build times are of the release build as a developer runs it: dependencies already
# compiled (incremental cargo cache), the rota crate, the data and the wasm post-processing redone.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/toolchain.env"
cd "$ROTA_ROOT"
out=target/bench
mkdir -p "$out"
use_build_time
now() { date +%s.%N; }

echo "== page A (vanilla)"
node bench/make-vanilla.mjs "$out/dist-a" data

echo "== page B (bare Leptos)"
(
  use_wasm_toolchain
  cd bench/bare-leptos
  CARGO_TARGET_DIR="$ROTA_ROOT/target/bench-bare" trunk build --release --dist "$ROTA_ROOT/$out/dist-b"
)

echo "== page C (rota on data/)"
t0=$(now)
scripts/build --dist "$out/dist-c"
t1=$(now)

echo "== page D (rota on organisation-sized data)"
node bench/generate-org.mjs target/data-org
t2=$(now)
ROTA_DATA_DIR="$ROTA_ROOT/target/data-org" scripts/build --dist "$out/dist-d"
t3=$(now)

echo "== page E (rota on a 200-team organisation)"
rm -rf target/data-org-e
node bench/generate-org.mjs --org target/data-org-e
t4=$(now)
ROTA_DATA_DIR="$ROTA_ROOT/target/data-org-e" scripts/build --dist "$out/dist-e"
t5=$(now)

echo "== rota check of E's organisation (the release CLI, built first so that its compile is not timed)"
cargo build --release -q -p rota-cli
cli="${CARGO_TARGET_DIR:-$ROTA_ROOT/target}/release/rota"
# Its findings (thousands of warnings: the generated people have no contacts) go to a file.
t6=$(now)
"$cli" check --data target/data-org-e > "$out/check-e.txt" 2>&1 || { tail -5 "$out/check-e.txt"; exit 1; }
t7=$(now)
tail -1 "$out/check-e.txt"

node -e '
  const [c0, c1, d0, d1, e0, e1, k0, k1] = process.argv.slice(1, 9).map(Number);
  const s = (a, b) => +(b - a).toFixed(1);
  const out = { c: s(c0, c1), d: s(d0, d1), e: s(e0, e1), check_e: +(k1 - k0).toFixed(2), at: new Date().toISOString() };
  require("fs").writeFileSync(process.argv[9], JSON.stringify(out, null, 2) + "\n");
  console.log(`build times: C ${out.c} s, D ${out.d} s, E ${out.e} s; rota check of E ${out.check_e} s`);
' "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" "$t6" "$t7" "$out/builds.json"
