# ReLU Lab. `make build` builds the wasm into www/pkg and the production site (bundled,
# minified: .ci/site.mjs) into target/site; `make serve` serves the production site; `make dev`
# serves www/ as it is (the readable modules, unbundled); `make test` runs every check
# (.ci/check.sh). Tools come from .ci/install.sh.
.PHONY: build serve dev site test check bench dist

build:
	.ci/install.sh
	.ci/build.sh

serve: build
	@echo "Serving ReLU Lab (production build, target/site) at http://127.0.0.1:8000/"
	python3 -m http.server 8000 --bind 127.0.0.1 --directory target/site

# Development: www/ unbundled (edit a module, reload the page; no site rebuild needed).
dev: build
	@echo "Serving ReLU Lab (development, www/ unbundled) at http://127.0.0.1:8000/"
	python3 -m http.server 8000 --bind 127.0.0.1 --directory www

# Only the production site again (after editing www/, with www/pkg already built).
site:
	node .ci/site.mjs

test:
	.ci/install.sh --browser
	.ci/build.sh
	.ci/check.sh

check: test

# dist/: the element, embed.html and one self-contained relu-lab.html, laid out as an npm
# package (not published). See .ci/dist.mjs.
dist: build
	.ci/dist.sh

# `make bench LIGHTHOUSE=1` adds Lighthouse's mobile scores of every page (about 2 min more).
bench: build
	cargo bench --bench throughput
	node tests/bench/wasm-bench.mjs
	node tests/bench/frame-times.mjs
	node tests/bench/experiments-bench.mjs both
	node tests/bench/load-bench.mjs $(if $(LIGHTHOUSE),--lighthouse)
