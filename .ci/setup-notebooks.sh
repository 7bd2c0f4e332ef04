#!/usr/bin/env bash
# Installs what headless notebook runs need when missing: nbconvert, a Python kernel, pandas and matplotlib
# (Debian packages, without recommends such as pandoc and TeX). Idempotent; CI runs it as root.
set -euo pipefail

packages=(jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if (( ${#missing[@]} > 0 )); then
  echo "setup-notebooks: installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup-notebooks: $(jupyter nbconvert --version 2>/dev/null | sed 's/^/nbconvert /' || echo 'nbconvert installed')"
