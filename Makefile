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
