#!/usr/bin/env bash
# Runs every SupportConsole test: domain, component (bUnit), integration (WebApplicationFactory on real
# SQLite files) and browser tests (Playwright in headless Chromium). Installs Chromium first where it is
# missing and this user may (Debian/Ubuntu as root); otherwise point CHROMIUM_PATH at a Chromium binary.
set -euo pipefail
cd "$(dirname "$0")"

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "Installing Chromium for the browser tests (apt-get install chromium)..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing at $chromium: install it (e.g. 'sudo apt-get install chromium') or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

exec dotnet test --project SupportConsole.Tests "$@"
