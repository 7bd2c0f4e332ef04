#!/usr/bin/env bash
# Installs Debian's chromium (headless browser tests) and fonts for readable screenshots when missing:
# Liberation for Latin text, Noto CJK so pages in zh-CN show Chinese characters instead of boxes.
# Idempotent; CI runs it as root.
set -euo pipefail

missing=()
command -v chromium >/dev/null || missing+=(chromium fonts-liberation)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-chromium: installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup-chromium: $(chromium --version 2>/dev/null || echo 'chromium installed'); fonts-noto-cjk installed"
