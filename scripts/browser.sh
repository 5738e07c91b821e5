#!/usr/bin/env bash
# Make sure the browser tests have Debian's Chromium and axe-core (from the npm registry).
# As root on Debian it installs what is missing; otherwise it only reports. Never downloads a
# browser build of its own.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "browser.sh: installing Debian's chromium" >&2
    export DEBIAN_FRONTEND=noninteractive
    (apt-get update -qq && apt-get install -y -qq chromium) >&2 || echo "browser.sh: chromium install failed" >&2
  else
    echo "browser.sh: no chromium; the browser tests will report skipped" >&2
  fi
fi
if [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null 2>&1; then
  mkdir -p .cache/axe
  npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4 >&2 \
    || echo "browser.sh: could not install axe-core; accessibility checks will report skipped" >&2
fi
# The SARIF 2.1.0 JSON schema, for the test that `govern check --format sarif` validates: it ships
# inside Microsoft's jest-sarif package (MIT) on the npm registry.
if [ ! -f .cache/sarif/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json ] && command -v npm >/dev/null 2>&1; then
  mkdir -p .cache/sarif
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix .cache/sarif @microsoft/jest-sarif@1.0.0-beta.0 >&2 \
    || echo "browser.sh: could not install the SARIF schema; the SARIF test will fail in CI" >&2
fi
exit 0
