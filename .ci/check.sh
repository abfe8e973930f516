#!/usr/bin/env bash
# The one check script: the JS type check and lint, formatting, Rust lints, native + doc tests,
# docs, wasm tests in headless Chromium, Node tests of the JS API, Playwright end-to-end tests.
# Expects `.ci/install.sh --browser` and `.ci/build.sh` to have run (`make test` does both).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi

# wasm-bindgen-test-runner takes the first WebDriver it finds; pin Debian's chromedriver.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

stage_no=0
stage_total=10
stage=""
start() {
  stage_no=$((stage_no + 1))
  stage="$*"
  echo
  echo "=== [$stage_no/$stage_total] $stage"
}
trap 'rc=$?; echo; if [ $rc -eq 0 ]; then echo "=== CHECK PASSED: all $stage_total stages"; echo "stages: $stage_total passed, 0 failed"; else echo "=== CHECK FAILED at stage $stage_no/$stage_total: $stage (exit $rc)"; echo "stages: $((stage_no - 1)) passed, 1 failed"; fi' EXIT

start "JS types and lint (tsc -p jsconfig.json, eslint)"
# The type check reads the generated core types; without a build it would check nothing real.
if [ ! -f www/pkg/relu_lab.d.ts ]; then
  echo "www/pkg/relu_lab.d.ts is missing: run .ci/build.sh first" >&2
  exit 1
fi
npx --no-install tsc -p jsconfig.json
npx --no-install eslint --max-warnings 0 .

start "cargo fmt --check"
cargo fmt --check

start "cargo clippy (native, all targets)"
cargo clippy --all-targets -- -D warnings

start "cargo clippy (wasm32, lib + tests)"
cargo clippy --target wasm32-unknown-unknown --lib --tests -- -D warnings

start "cargo test (native, incl. doc tests)"
cargo test

start "cargo doc (warnings are errors)"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps

start "cargo test --target wasm32-unknown-unknown (headless Chromium via $CHROMEDRIVER)"
cargo test --target wasm32-unknown-unknown

start "node --test tests/node/"
# Node only picks files named like *.test.mjs inside a directory, and passes with 0 tests
# otherwise; treat "no tests" as a failure so a misnamed file cannot hide.
node_log=$(mktemp)
node --test --test-reporter=spec tests/node/ 2>&1 | tee "$node_log"
if grep -q 'tests 0$' "$node_log"; then
  echo "no Node tests ran: name them tests/node/*.test.mjs" >&2
  exit 1
fi

start "playwright e2e (tests/e2e, Debian chromium)"
# dist/ once, before the specs that read it (embed, bundlers, notebook, ssg), so no two build it at once.
node .ci/dist.mjs
npx --no-install playwright test -c tests/e2e/playwright.config.mjs

start "playwright e2e against the production build (E2E_SITE=prod: target/site)"
# The same specs against the bundles `make serve` serves, but for the tests that import modules
# by their source path or open www/dev/ (tagged @source) and those that build their own sites.
E2E_SITE=prod npx --no-install playwright test -c tests/e2e/playwright.config.mjs
