#!/bin/bash
# Redis commands per page request: how many round trips a page costs on the production shape.
#
# Starts one gunicorn worker (the project's gunicorn.conf.py) on a data directory that bench/pages.py
# prepared, warms each page with 3 requests, then counts with INFO commandstats what 20 more requests
# make Redis do. The Redis must be one of the measurement's own (its statistics are reset).
#
#   bench/redis_commands.sh DATABASE_URL REDIS_PORT VAR_DIR [PAGE_CACHE_SECONDS] [PATH ...]
#   bench/redis_commands.sh postgres://postgres@127.0.0.1:5432/zp_pagecache_bench 6391 \
#       var/bench-zp_pagecache_bench 300 / /xinwen/ /xinwen/wangzhan-kaitong/
set -euo pipefail
cd "$(dirname "$0")/.."
DATABASE=$1 PORT_REDIS=$2 VAR=$(realpath "$3") SECONDS_CACHED=${4:-300}
shift $(($# < 4 ? $# : 4))
PATHS=("${@:-/}")
PORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export ZONEPORTAL_VAR_DIR=$VAR DJANGO_SETTINGS_MODULE=zoneportal.settings DATABASE_URL=$DATABASE \
  REDIS_URL=redis://127.0.0.1:$PORT_REDIS/1 PAGE_CACHE_SECONDS=$SECONDS_CACHED LOG_LEVEL=ERROR
echo "gunicorn (1 worker, PAGE_CACHE_SECONDS=$SECONDS_CACHED) on 127.0.0.1:$PORT …" >&2
.venv/bin/python -m gunicorn --config gunicorn.conf.py --bind "127.0.0.1:$PORT" --workers 1 \
  --error-logfile "$VAR/redis-commands-gunicorn.log" zoneportal.wsgi:application &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/robots.txt" && break; sleep 0.5; done
for path in "${PATHS[@]}"; do
  for _ in 1 2 3; do curl -sf -o /dev/null -H 'Host: 127.0.0.1' "http://127.0.0.1:$PORT$path"; done
  redis-cli -p "$PORT_REDIS" CONFIG RESETSTAT > /dev/null
  for _ in $(seq 20); do curl -sf -o /dev/null -H 'Host: 127.0.0.1' "http://127.0.0.1:$PORT$path"; done
  stats=$(redis-cli -p "$PORT_REDIS" INFO commandstats | grep '^cmdstat_' | grep -v 'cmdstat_info\|cmdstat_config')
  total=$(echo "$stats" | grep -o 'calls=[0-9]*' | cut -d= -f2 | paste -sd+ | bc)
  echo "$path: $total commands / 20 requests = $(echo "scale=1; $total / 20" | bc) per request ($(echo "$stats" | cut -d, -f1 | tr '\n' ' '))"
done
