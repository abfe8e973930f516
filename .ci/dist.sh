#!/usr/bin/env bash
# Build dist/ (see .ci/dist.mjs): a static folder laid out as an npm package, with embed.html
# on a classic bundle and relu-lab.html, one self-contained file. Needs `make build` first
# (`make dist` does both). Checks the package with `npm pack --dry-run`; publishes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
node .ci/dist.mjs --check
