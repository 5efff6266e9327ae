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
# `bench/build.sh E` (or any of A B C D E) builds only those pages; builds.json keeps the times
# recorded for the others.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/toolchain.env"
cd "$ROTA_ROOT"
out=target/bench
mkdir -p "$out"
use_build_time
now() { date +%s.%N; }
pages=" ${*:-A B C D E} "
for p in $pages; do [[ "$p" =~ ^[A-E]$ ]] || { echo "usage: bench/build.sh [A B C D E …]" >&2; exit 2; }; done
want() { [[ "$pages" == *" $1 "* ]]; }
times=()

if want A; then
  echo "== page A (vanilla)"
  node bench/make-vanilla.mjs "$out/dist-a" data
fi

if want B; then
  echo "== page B (bare Leptos)"
  (
    use_wasm_toolchain
    cd bench/bare-leptos
    CARGO_TARGET_DIR="$ROTA_ROOT/target/bench-bare" trunk build --release --dist "$ROTA_ROOT/$out/dist-b"
  )
fi

if want C; then
  echo "== page C (rota on data/)"
  t0=$(now)
  scripts/build --dist "$out/dist-c"
  times+=(c "$t0" "$(now)")
fi

if want D; then
  echo "== page D (rota on organisation-sized data)"
  node bench/generate-org.mjs target/data-org
  t0=$(now)
  ROTA_DATA_DIR="$ROTA_ROOT/target/data-org" scripts/build --dist "$out/dist-d"
  times+=(d "$t0" "$(now)")
fi

if want E; then
  echo "== page E (rota on a 200-team organisation)"
  rm -rf target/data-org-e
  node bench/generate-org.mjs --org target/data-org-e
  t0=$(now)
  ROTA_DATA_DIR="$ROTA_ROOT/target/data-org-e" scripts/build --dist "$out/dist-e"
  times+=(e "$t0" "$(now)")

  echo "== rota check of E's organisation (the release CLI, built first so that its compile is not timed)"
  cargo build --release -q -p rota-cli
  cli="${CARGO_TARGET_DIR:-$ROTA_ROOT/target}/release/rota"
  # Its findings (thousands of warnings: the generated people have no contacts) go to a file.
  t0=$(now)
  "$cli" check --data target/data-org-e > "$out/check-e.txt" 2>&1 || { tail -5 "$out/check-e.txt"; exit 1; }
  times+=(check_e "$t0" "$(now)")
  tail -1 "$out/check-e.txt"
fi

# builds.json: the times of the pages built now, over those recorded before for the others.
node -e '
  const fs = require("fs");
  const [file, ...rest] = process.argv.slice(1);
  const out = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  for (let i = 0; i < rest.length; i += 3) {
    const [key, a, b] = [rest[i], Number(rest[i + 1]), Number(rest[i + 2])];
    out[key] = +(b - a).toFixed(key === "check_e" ? 2 : 1);
    out[`${key}_at`] = new Date().toISOString();
  }
  fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
  const s = (x) => (x === undefined ? "–" : `${x} s`);
  console.log(`build times: C ${s(out.c)}, D ${s(out.d)}, E ${s(out.e)}; rota check of E ${s(out.check_e)}`);
' "$out/builds.json" "${times[@]}"
