#!/usr/bin/env bash
# Sets up a fresh machine for the tests: Debian's Chromium and CJK fonts for the browser tests (if missing), then npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium for the browser test"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi
fi
# The document tests print Chinese text to PDF with Chromium: it needs a CJK font.
if ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  echo "setup: installing Debian's fonts-noto-cjk for the PDF tests"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq fonts-noto-cjk >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq fonts-noto-cjk >/dev/null; fi
fi
npm ci --no-audit --no-fund
