# The two commands in the README. Everything they need is installed by scripts/setup.
.PHONY: serve test build

serve:
	scripts/setup
	scripts/serve

test:
	scripts/setup --test
	scripts/test

build:
	scripts/setup
	scripts/build

# The benchmark of issues 11 and 17 (not part of `make test`; takes a while). BENCH_RUNS=N, BENCH_QUICK=1,
# BENCH_BUILD=0, BENCH_LIGHTHOUSE=0: see bench/run.mjs. Writes bench/RESULTS.md and the README table.
.PHONY: bench
bench:
	scripts/setup --test
	npm install --prefix bench --no-audit --no-fund
	node bench/run.mjs
