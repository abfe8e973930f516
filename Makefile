# ReLU Lab. `make build` produces the static site in www/ (wasm in www/pkg); `make serve`
# serves it; `make test` runs every check (.ci/check.sh). Tools come from .ci/install.sh.
.PHONY: build serve test check bench dist

build:
	.ci/install.sh
	.ci/build.sh

serve: build
	@echo "Serving ReLU Lab at http://127.0.0.1:8000/"
	python3 -m http.server 8000 --bind 127.0.0.1 --directory www

test:
	.ci/install.sh --browser
	.ci/build.sh
	.ci/check.sh

check: test

# dist/: the element, embed.html and one self-contained relu-lab.html, laid out as an npm
# package (not published). See .ci/dist.mjs.
dist: build
	.ci/dist.sh

bench: build
	cargo bench --bench throughput
	node tests/bench/wasm-bench.mjs
	node tests/bench/frame-times.mjs
	node tests/bench/experiments-bench.mjs both
