#!/usr/bin/env bash
# Quick start, command 1: install everything, build the extension on the bundled dataset,
# serve the demo pages on 127.0.0.1 and open them in Chromium with Kamerlens loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run -s demo -- "$@"
