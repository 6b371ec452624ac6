#!/usr/bin/env bash
# Sets up a fresh machine for the tests: Debian's Chromium and CJK fonts for the browser test (if missing), then npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Without a CJK font the widget's screenshots show Chinese as boxes.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} for the browser test"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${missing[@]}" >/dev/null; fi
fi
npm ci --no-audit --no-fund
