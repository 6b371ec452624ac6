#!/usr/bin/env bash
# Sets up a fresh machine for the tests: Debian's packages the tests run for real (Chromium and CJK fonts for
# the browser tests and the PDFs the document tests print; redis-server, nginx and PostgreSQL for the scale-out
# and storage tests, which start their own instances; a C++ toolchain for better-sqlite3's addon) when missing,
# then npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Without a CJK font the widget's screenshots show Chinese as boxes.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# better-sqlite3 compiles its addon with node-gyp when no prebuilt binary can be downloaded.
if ! command -v g++ >/dev/null || ! command -v make >/dev/null || ! command -v python3 >/dev/null; then missing+=(build-essential python3); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian's ${missing[*]} for the tests"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; fi
fi
npm ci --no-audit --no-fund
