#!/usr/bin/env bash
# What the hub's browser tests need: Debian's Chromium and its WebDriver, and axe-core from npm.
# Idempotent; the browser tests call it when something is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AXE_VERSION=4.11.0
"$ROOT/scripts/install-chromium.sh"
AXE_DIR="$ROOT/hub/target/axe-core"
if [ ! -f "$AXE_DIR/axe.min.js" ]; then
  mkdir -p "$AXE_DIR"
  (cd "$AXE_DIR" && npm pack --silent "axe-core@$AXE_VERSION" >/dev/null && tar -xzf "axe-core-$AXE_VERSION.tgz" \
    && cp package/axe.min.js axe.min.js && rm -rf package "axe-core-$AXE_VERSION.tgz")
fi
