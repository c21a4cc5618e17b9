#!/usr/bin/env bash
# Set up (first time) and run the app: scripts/run.sh [streamlit options, e.g. --server.port 8502]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
exec .venv/bin/streamlit run streamlit_app.py "$@"
