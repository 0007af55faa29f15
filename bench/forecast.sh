#!/usr/bin/env bash
# One-week-ahead rolling-origin backtest of `shiftcast forecast` on the shared bank series,
# without and then with its events file, against the cached results of R's forecast package
# and Prophet. Prints each run's per-origin lines and its JSON summary; then the sample center's
# event-hour error against its ordinary-hour error (bench/sample-events.ts).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHIFTCAST_SHARED:-$repo/../shared}"
data="$shared/data"
bench="$shared/bench"
if [[ ! -f "$data/anonymous-bank-1999-hourly.csv" ]]; then
  echo "bench/forecast.sh: $data/anonymous-bank-1999-hourly.csv not found (set SHIFTCAST_SHARED)" >&2
  exit 2
fi
run() {
  python3 "$bench/forecast-backtest.py" \
    --history "$data/anonymous-bank-1999-hourly.csv" \
    --origins "$bench/anonymous-bank-1999-origins.txt" \
    --peers "$bench/peers-anonymous-bank-1999.csv" \
    --cmd "node $repo/bin/shiftcast.js forecast" "$@"
}
echo "== without events"
run
echo "== with events"
run --events "$data/anonymous-bank-1999-events.csv"
echo "== sample center: event-hour vs ordinary-hour error"
(cd "$repo" && npx tsx bench/sample-events.ts)
