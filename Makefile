# ReLU Lab. `make build` produces the static site in www/ (wasm in www/pkg); `make serve`
# serves it; `make test` runs every check (.ci/check.sh). Tools come from .ci/install.sh.
.PHONY: build serve test check bench

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

bench: build
	cargo bench --bench throughput
	node tests/bench/wasm-bench.mjs
