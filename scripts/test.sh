#!/usr/bin/env bash
# Set up (first time) and run every test, browser tests included: scripts/test.sh [pytest options]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
