#!/usr/bin/env bash
# Installs Debian's chromium (headless browser tests) and a font for readable screenshots when missing.
# Idempotent; CI runs it as root.
set -euo pipefail

if ! command -v chromium >/dev/null; then
  echo "setup-chromium: installing chromium (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
fi
echo "setup-chromium: $(chromium --version 2>/dev/null || echo 'chromium installed')"
