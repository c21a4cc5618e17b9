#!/usr/bin/env bash
# Two Ceasefire Atlas processes behind nginx with sticky sessions (deploy/nginx.conf).
#
# Usage: deploy/run_two.sh start|stop|status|run
#   start   start both app processes and nginx in the background, then return
#   stop    stop what start started
#   status  which of them are running
#   run     start, then wait; Ctrl-C (or SIGTERM) stops everything
#
# Settings (environment):
#   ATLAS_PORTS      the two app ports             (default "8611 8612")
#   ATLAS_LISTEN     nginx's listen address        (default "8610", i.e. every interface)
#   ATLAS_RUN_DIR    pid files, logs, nginx prefix (default /tmp/ceasefire-atlas-run)
#   STREAMLIT_SERVER_COOKIE_SECRET  shared by both processes (default: made once, kept
#                    in ATLAS_RUN_DIR), so an XSRF cookie issued by one is valid on the other
# Needs: the app set up (bash scripts/setup.sh app) and nginx (Debian: apt-get install nginx).
set -euo pipefail
cd "$(dirname "$0")/.."

read -r -a ports <<<"${ATLAS_PORTS:-8611 8612}"
listen="${ATLAS_LISTEN:-8610}"
run_dir="${ATLAS_RUN_DIR:-/tmp/ceasefire-atlas-run}"
python=".venv/bin/python"

say() { printf '[run_two] %s\n' "$*"; }
die() { printf '[run_two] %s\n' "$*" >&2; exit 2; }

nginx_conf() {
  # The committed config names 8611/8612/8610; substitute the ports chosen here. Its two
  # includes (shared with compose.yaml's proxy) go beside it: nginx looks for them there.
  cp deploy/nginx-sticky.conf deploy/nginx-locations.conf "$run_dir/"
  sed -e "s/127\.0\.0\.1:8611/127.0.0.1:${ports[0]}/" \
      -e "s/127\.0\.0\.1:8612/127.0.0.1:${ports[1]}/" \
      -e "s/^\(\s*\)listen 8610;/\1listen ${listen};/" deploy/nginx.conf >"$run_dir/nginx.conf"
}

healthy() { "$python" - "$1" <<'EOF'
import sys, urllib.request
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/_stcore/health", timeout=2) as r:
        sys.exit(r.status != 200)
except OSError:
    sys.exit(1)
EOF
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  [ -x "$python" ] && [ -d static/vendor ] || die "set the app up first: bash scripts/setup.sh app"
  command -v nginx >/dev/null || die "nginx is missing (Debian: apt-get install nginx)"
  mkdir -p "$run_dir/logs" "$run_dir/tmp"
  secret_file="$run_dir/cookie_secret"
  [ -f "$secret_file" ] || "$python" -c 'import secrets; print(secrets.token_hex(32))' >"$secret_file"
  export STREAMLIT_SERVER_COOKIE_SECRET="${STREAMLIT_SERVER_COOKIE_SECRET:-$(cat "$secret_file")}"
  for port in "${ports[@]}"; do
    pid_file="$run_dir/app-$port.pid"
    if alive "$pid_file"; then say "app on $port already running"; continue; fi
    "$python" -m streamlit run streamlit_app.py --server.address 127.0.0.1 \
      --server.port "$port" --server.headless true --browser.gatherUsageStats false \
      >"$run_dir/logs/app-$port.log" 2>&1 &
    echo $! >"$pid_file"
  done
  for port in "${ports[@]}"; do
    for _ in $(seq 1 120); do healthy "$port" && break; sleep 0.5; done
    healthy "$port" || die "the app on $port did not come up: see $run_dir/logs/app-$port.log"
    say "app on 127.0.0.1:$port is up"
  done
  nginx_conf
  nginx -t -q -p "$run_dir" -c "$run_dir/nginx.conf"
  if alive "$run_dir/nginx.pid"; then
    nginx -p "$run_dir" -c "$run_dir/nginx.conf" -s reload
  else
    nginx -p "$run_dir" -c "$run_dir/nginx.conf"
  fi
  say "nginx on $listen -> 127.0.0.1:${ports[0]}, 127.0.0.1:${ports[1]} (logs: $run_dir/logs)"
}

stop() {
  if alive "$run_dir/nginx.pid"; then
    nginx -p "$run_dir" -c "$run_dir/nginx.conf" -s quit && say "nginx stopped"
  fi
  for port in "${ports[@]}"; do
    pid_file="$run_dir/app-$port.pid"
    if alive "$pid_file"; then
      kill "$(cat "$pid_file")" && say "app on $port stopped"
    fi
    rm -f "$pid_file"
  done
}

status() {
  for port in "${ports[@]}"; do
    alive "$run_dir/app-$port.pid" && say "app on $port: running" || say "app on $port: stopped"
  done
  alive "$run_dir/nginx.pid" && say "nginx on $listen: running" || say "nginx on $listen: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  run)
    trap stop EXIT
    trap 'exit 0' INT TERM
    start
    say "running; Ctrl-C stops"
    while sleep 5; do
      for port in "${ports[@]}"; do
        alive "$run_dir/app-$port.pid" || die "the app on $port died: see $run_dir/logs/app-$port.log"
      done
    done
    ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
