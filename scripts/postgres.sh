#!/usr/bin/env bash
# Print the URL of a PostgreSQL server on loopback for the tests, starting one if need be.
# Uses $GOVERN_TEST_PG when set. As root on Debian (CI), installs the postgresql package if it is
# missing, starts its cluster and creates a test role and database. Prints nothing (and says why
# on stderr) when no server can be had; the PostgreSQL variants of the tests then report skipped.
set -euo pipefail

if [ -n "${GOVERN_TEST_PG:-}" ]; then
  echo "$GOVERN_TEST_PG"; exit 0
fi
URL="postgresql://govern:govern@127.0.0.1:5432/govern_test"
if [ "$(id -u)" != "0" ]; then
  echo "postgres.sh: not root: set GOVERN_TEST_PG to run the PostgreSQL tests" >&2; exit 0
fi
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "postgres.sh: installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | grep -q "^$version main .* online"; then
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1" && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='govern'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE govern LOGIN SUPERUSER PASSWORD 'govern'\"" >&2
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='govern_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O govern govern_test" >&2
echo "$URL"
