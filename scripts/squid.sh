#!/usr/bin/env bash
# Make sure the Squid end-to-end test can run: Debian's squid installed, and the Python that runs
# `govern squid-helper` reachable by Squid's unprivileged `proxy` user. Squid refuses to run as
# root, so its helpers run as `proxy`; this machine's Python lives under /root, which only root
# may traverse. In CI (CI=true) or with GOVERN_ALLOW_PROXY_EXEC=1, /root is made traversable
# (mode 711: enter, not list). Otherwise the end-to-end test reports skipped and says why.
set -uo pipefail
if [ "$(id -u)" != "0" ]; then
  echo "squid.sh: not root: the Squid end-to-end test will report skipped" >&2; exit 0
fi
if ! command -v squid >/dev/null 2>&1 && [ ! -x /usr/sbin/squid ]; then
  echo "squid.sh: installing Debian's squid" >&2
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq squid) >&2 || echo "squid.sh: squid install failed" >&2
fi
python="$(readlink -f "$(dirname "$0")/../.venv/bin/python")"
if ! su -s /bin/sh proxy -c "test -x '$python'" 2>/dev/null; then
  if [ "${CI:-}" = "true" ] || [ "${GOVERN_ALLOW_PROXY_EXEC:-}" = "1" ]; then
    dir="$python"
    while [ "$dir" != "/" ]; do
      dir="$(dirname "$dir")"
      perms=$(stat -c %a "$dir")
      case "$perms" in *[1357]) ;; *) echo "squid.sh: chmod o+x $dir (traverse only)" >&2; chmod o+x "$dir" ;; esac
    done
  else
    echo "squid.sh: the proxy user cannot run $python; set GOVERN_ALLOW_PROXY_EXEC=1 to allow it" >&2
  fi
fi
exit 0
