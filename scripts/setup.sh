#!/usr/bin/env bash
# Installs everything Kamerlens needs on a fresh Debian machine: npm packages (exactly as locked),
# and Debian's Chromium (with its Dutch UI) and Firefox ESR for the browser tests and the demo. Safe to run again.
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

# Chromium's Dutch UI (Debian ships its translations separately; without them browser.i18n is always
# English), and Firefox ESR with its Dutch language pack for the Firefox end-to-end suite. Debian's
# base release carries Firefox 140, below the extension's strict_min_version; its security updates
# carry 153.
FIREFOX_NL=/usr/lib/firefox-esr/browser/extensions/langpack-nl@firefox-esr.mozilla.org.xpi
if [ ! -e /usr/lib/chromium/locales/nl.pak ] || [ ! -x /usr/bin/firefox-esr ] || [ ! -e "$FIREFOX_NL" ]; then
  echo "Installing chromium-l10n, firefox-esr and firefox-esr-l10n-nl (Dutch e2e runs, Firefox e2e suite)…"
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium-l10n firefox-esr firefox-esr-l10n-nl >/dev/null
fi
FIREFOX_MIN_MAJOR=142
firefox_version="$(/usr/bin/firefox-esr --version 2>/dev/null | grep -oE '[0-9]+(\.[0-9]+)+' | head -n1 || true)"
if [ -z "$firefox_version" ] || [ "${firefox_version%%.*}" -lt "$FIREFOX_MIN_MAJOR" ]; then
  echo "firefox-esr ${firefox_version:-(not found)} is too old: Kamerlens needs Firefox ≥ $FIREFOX_MIN_MAJOR" >&2
  echo "(its manifest's strict_min_version). Enable Debian's security updates and run apt-get update." >&2
  exit 1
fi
echo "Firefox ESR $firefox_version"

# `npm ci` refuses this lockfile: the registry here lacks Biome's other-platform binaries, which npm ci
# insists on listing. `npm install` installs exactly the locked versions and leaves the lockfile as is.
echo "Installing npm packages…"
npm install --no-audit --no-fund
