#!/usr/bin/env bash
# Runs every SupportConsole test: domain, component (bUnit), integration (WebApplicationFactory on real
# SQLite files), browser tests (Playwright in headless Chromium) and the two-instance PostgreSQL tests; then the
# integration tests once more with every app host on PostgreSQL (set TEST_POSTGRES=0 to skip that second pass).
# Installs Chromium and PostgreSQL first where they are missing and this user may (Debian/Ubuntu as root);
# otherwise point CHROMIUM_PATH at a Chromium binary and PG_BIN at PostgreSQL's bin folder.
set -uo pipefail
cd "$(dirname "$0")"

missing=()
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || missing+=(chromium)
if [ -z "${PG_BIN:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "Installing what the tests need (apt-get install ${missing[*]})..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || exit 1
  else
    echo "Missing: ${missing[*]}. Install them (e.g. 'sudo apt-get install ${missing[*]}') or set CHROMIUM_PATH / PG_BIN." >&2
    exit 1
  fi
fi

status=0
dotnet test --project SupportConsole.Tests "$@" || status=$?
if [ "${TEST_POSTGRES:-1}" != "0" ] && [ $# -eq 0 ]; then
  echo "== The integration tests again, every app host on PostgreSQL =="
  SUPPORTCONSOLE_TEST_DATABASE=PostgreSql dotnet test --project SupportConsole.Tests --no-build -- \
    --filter-namespace "SupportConsole.Tests.Features*" || status=$?
fi
exit $status
