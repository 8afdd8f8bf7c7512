#!/usr/bin/env bash
# Installs everything Kamerlens needs on a fresh Debian machine: npm packages (exactly as locked)
# and Debian's Chromium for the browser tests and the demo. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium (needed for end-to-end tests and the demo)…"
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version

# xmllint validates the open-data test fixtures against the Tweede Kamer's official schemas.
if ! command -v xmllint >/dev/null; then
  echo "Installing Debian's libxml2-utils (xmllint, for the open-data fixture tests)…"
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libxml2-utils >/dev/null
fi

# `npm ci` refuses this lockfile: the registry here lacks Biome's other-platform binaries, which npm ci
# insists on listing. `npm install` installs exactly the locked versions and leaves the lockfile as is.
echo "Installing npm packages…"
npm install --no-audit --no-fund
