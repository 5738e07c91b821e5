#!/usr/bin/env bash
# Make sure the sign-in tests have a real OpenID provider: Node's certified `oidc-provider`
# (OpenID Foundation certified; https://github.com/panva/node-oidc-provider), installed from the
# npm registry into .cache/oidc. tests/identity/provider.py starts it on a loopback port with
# scripts/oidc-provider.mjs. As root on Debian, Node.js is installed if missing; otherwise this
# only reports, and the tests say what is missing (and fail in CI).
#
# oidc-provider 9 asks for Node 22 LTS and prints a warning on Node 20, on which it runs and
# passes these tests (Debian 12 ships Node 18, too old: then Debian's nodejs from bookworm-backports
# or NodeSource is needed; the tests fail naming the version).
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "oidc.sh: installing Debian's nodejs and npm" >&2
    export DEBIAN_FRONTEND=noninteractive
    (apt-get update -qq && apt-get install -y -qq nodejs npm) >&2 || echo "oidc.sh: nodejs install failed" >&2
  else
    echo "oidc.sh: no node/npm; the sign-in tests with a real provider cannot run" >&2
    exit 0
  fi
fi
if [ ! -f .cache/oidc/node_modules/oidc-provider/package.json ]; then
  mkdir -p .cache/oidc
  npm install --silent --no-audit --no-fund --prefix .cache/oidc oidc-provider@9 >&2 \
    || echo "oidc.sh: could not install oidc-provider; the sign-in tests will fail in CI" >&2
fi
echo "oidc.sh: node $(node --version 2>/dev/null), oidc-provider $(node -p "require('./.cache/oidc/node_modules/oidc-provider/package.json').version" 2>/dev/null)" >&2
exit 0
