#!/usr/bin/env bash
# Builds the four pages of the benchmark (issue 11) into target/bench/ and records how long the
# builds of rota took (target/bench/builds.json):
#   A  bench/vanilla/ with its handoff table from the rota CLI   -> target/bench/dist-a
#   B  bench/bare-leptos/ (its own workspace and cargo target)   -> target/bench/dist-b
#   C  rota on data/                                             -> target/bench/dist-c
#   D  rota on bench/generate-org.mjs's organisation-sized data  -> target/bench/dist-d
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

node -e '
  const [c0, c1, d0, d1] = process.argv.slice(1).map(Number);
  const out = { c: +(c1 - c0).toFixed(1), d: +(d1 - d0).toFixed(1), at: new Date().toISOString() };
  require("fs").writeFileSync(process.argv[5], JSON.stringify(out, null, 2) + "\n");
  console.log(`build times: C ${out.c} s, D ${out.d} s`);
' "$t0" "$t1" "$t2" "$t3" "$out/builds.json"
