#!/usr/bin/env bash
# Set up everything Ceasefire Atlas needs on a fresh machine; idempotent and quick when done.
# Usage: scripts/setup.sh app|test
#   app : Python 3.11+ virtual environment in .venv, the package, the map assets (npm registry)
#   test: the same plus the test dependencies and Debian's Chromium for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-app}"

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] %s\n' "$*" >&2; exit 2; }

python="${PYTHON:-python3}"
command -v "$python" >/dev/null || die "python3 is missing: install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || die "Python 3.11 or newer is needed; found $("$python" --version 2>&1)"

if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$python" -m venv .venv || die "could not create a virtual environment (Debian: apt-get install python3-venv)"
fi

extras=""; [ "$what" = test ] && extras="[test]"
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)${extras:+-test}"
if [ ! -f "$stamp" ]; then
  say "installing Python packages${extras:+ with test extras}"
  log=.venv/pip-install.log
  { .venv/bin/python -m pip install --upgrade pip && .venv/bin/python -m pip install -e ".${extras}"; } \
    >"$log" 2>&1 || { tail -n 30 "$log" >&2; die "installing the Python packages failed (full log: $log)"; }
  touch "$stamp"
fi
# The Ukrainian interface's catalogue (geo/locale/uk/LC_MESSAGES/atlas.po) compiled into the .mo
# the app reads (not in git: made from the .po every time, which takes a fraction of a second).
.venv/bin/python -m babel.messages.frontend -q compile -d geo/locale -D atlas \
  || die "compiling the translations in geo/locale failed"

.venv/bin/python scripts/fetch_assets.py $([ "$what" = test ] && echo --test) \
  || die "the map's Leaflet files come from the npm registry (registry.npmjs.org, or a mirror in \$NPM_REGISTRY): is it reachable?"
# The newest snapshot's map page, so a new app process draws its first map at once.
.venv/bin/python scripts/store_maps.py \
  || say "could not store the newest map page; the app makes it on first use"

if [ "$what" = test ]; then
  if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian's chromium for the browser tests"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      die "the browser tests need Debian's Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'"
    fi
  fi
  # tests/unit/test_deploy.py checks deploy/compose.yaml with compose's own validator;
  # Debian's docker-compose (1.29.2) does that without a Docker daemon, so without the
  # docker.io it recommends.
  if ! command -v docker-compose >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian's docker-compose for the compose file's test"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null
    elif [ "${CI:-}" = true ]; then
      die "the deployment tests need docker-compose: run 'sudo apt-get install --no-install-recommends docker-compose'"
    else
      say "docker-compose is missing: the compose file's test will be skipped (sudo apt-get install --no-install-recommends docker-compose)"
    fi
  fi
fi
say "ready ($what)"
