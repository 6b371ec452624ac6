#!/usr/bin/env bash
# Sets up a fresh machine for the tests: Debian's Chromium for the browser test and PostgreSQL's server
# binaries for the conversation-log tests (if missing), then npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."
apt_install() {
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "$@" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "$@" >/dev/null; fi
}
if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium for the browser test"
  apt_install chromium
fi
# The tests start their own throwaway cluster from these binaries (never the system service).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "setup: installing Debian's postgresql for the conversation-log tests"
  apt_install postgresql
fi
# better-sqlite3 compiles its addon with node-gyp when no prebuilt binary can be downloaded.
if ! command -v g++ >/dev/null || ! command -v make >/dev/null || ! command -v python3 >/dev/null; then
  echo "setup: installing a C++ toolchain to build better-sqlite3"
  apt_install build-essential python3
fi
npm ci --no-audit --no-fund
