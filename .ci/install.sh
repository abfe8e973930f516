#!/usr/bin/env bash
# Install what building and testing ReLU Lab needs. Idempotent: silent when everything is present.
#
#   .ci/install.sh            Rust wasm target, rustfmt, clippy, wasm-bindgen-cli, npm packages
#                             (Playwright, axe-core, binaryen, esbuild, TypeScript, ESLint)
#   .ci/install.sh --browser  also Debian's chromium + chromium-driver (for wasm and e2e tests)
#
# Pitfalls (see README): never `cargo install --locked wasm-bindgen-cli` (a locked dependency is
# missing from the registry mirror); never `npx playwright install` (we use Debian's chromium);
# never Debian's `binaryen` package (its old wasm-opt emits wasm that Chromium rejects).
set -euo pipefail
cd "$(dirname "$0")/.."

browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) browser=1 ;;
    *) echo "usage: $0 [--browser]" >&2; exit 2 ;;
  esac
done

# A fresh shell may not have cargo's bin directory on PATH yet.
if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi

say() { echo "install.sh: $*"; }
need() { command -v "$1" >/dev/null 2>&1 || { say "missing '$1' (expected on this machine)" >&2; exit 1; }; }
need rustup
need cargo
need node
need npm

# --- Rust target and components -------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^${component}"; then
    say "adding Rust component $component"
    rustup component add "$component"
  fi
done

# --- wasm-bindgen-cli, exactly the version of the wasm-bindgen crate ------------------------
# The CLI must match the crate byte for byte; read the version from Cargo.lock, else Cargo.toml.
wbg_version=""
if [ -f Cargo.lock ]; then
  wbg_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
fi
if [ -z "$wbg_version" ]; then
  wbg_version=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml | head -n 1)
fi
if [ -z "$wbg_version" ]; then
  say "cannot find the wasm-bindgen version in Cargo.lock or Cargo.toml" >&2
  exit 1
fi
installed=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
runner=$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$installed" != "$wbg_version" ] || [ "$runner" != "$wbg_version" ]; then
  say "installing wasm-bindgen-cli $wbg_version (was: ${installed:-none}; about 6 min on 2 cores)"
  # No --locked: see the pitfall above. --force also replaces a half-installed or other version.
  cargo install --quiet --force wasm-bindgen-cli --version "$wbg_version"
fi

# --- npm packages (Playwright, axe-core, wasm-opt, esbuild, TypeScript, ESLint; all pinned) ---
# npm writes node_modules/.package-lock.json on every install; older than the lockfile = stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --no-update-notifier --loglevel=error
fi

# --- Debian chromium + chromedriver ---------------------------------------------------------
if [ "$browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian chromium and chromium-driver"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# --- Python venv for the notebook and static-site e2e tests (with --browser) ----------------
# JupyterLab + anywidget (tests/e2e/notebook.spec.mjs), MkDocs, Sphinx + MyST
# (tests/e2e/ssg.spec.mjs), pinned in tests/python/requirements.txt and constraints.txt. Kept
# outside the clone so CI's fresh clones reuse it; made again only when the pins change.
if [ "$browser" = 1 ]; then
  need python3
  venv="${RELU_LAB_VENV:-$HOME/.cache/relu-lab/venv}"
  pins=$(cat tests/python/requirements.txt tests/python/constraints.txt | sha256sum | cut -c1-16)
  if [ "$(cat "$venv/.relu-lab-pins" 2>/dev/null || true)" != "$pins" ]; then
    if [ -e "$venv" ] && [ ! -f "$venv/pyvenv.cfg" ]; then
      say "$venv exists and is not a Python venv; set RELU_LAB_VENV elsewhere" >&2
      exit 1
    fi
    say "making the Python venv $venv (JupyterLab, anywidget, MkDocs, Sphinx, MyST; about 30 s)"
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --no-input -r tests/python/requirements.txt -c tests/python/constraints.txt
    echo "$pins" >"$venv/.relu-lab-pins"
  fi
fi

# --- bundler consumers for tests/e2e/bundlers.spec.mjs (with --browser) ---------------------
# Vite 8, Vite 5, webpack 5, esbuild: one small project each in tests/consumers/, pinned by its
# lockfile. The spec unpacks `npm pack` of dist/ into each node_modules itself.
if [ "$browser" = 1 ]; then
  for lock in tests/consumers/*/package-lock.json; do
    dir=$(dirname "$lock")
    if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$lock" -nt "$dir/node_modules/.package-lock.json" ]; then
      say "npm ci in $dir"
      npm ci --prefix "$dir" --no-audit --no-fund --no-update-notifier --loglevel=error
    fi
  done
fi
