#!/usr/bin/env bash
# One-week-ahead rolling-origin backtest of `shiftcast forecast` on the shared bank series,
# without and then with its events file, against the cached results of R's forecast package
# and Prophet. Prints each run's per-origin lines and its JSON summary; then event hours against
# ordinary hours on seeded live sessions and promotions laid on the bank and a quiet bank
# (bench/events.ts), and accuracy and 80% coverage 1-4 weeks ahead on the bank, the laid series
# and the sample center (bench/horizons.ts).
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
export SHIFTCAST_SHARED="$shared"
echo "== event hours vs ordinary hours, one week ahead (bench/events.ts)"
(cd "$repo" && npx tsx bench/events.ts)
echo "== horizons: 1-4 weeks ahead (bench/horizons.ts)"
(cd "$repo" && npx tsx bench/horizons.ts)
echo "== the sample center at seven dates: event hours vs ordinary hours (bench/sample-events.ts)"
(cd "$repo" && npx tsx bench/sample-events.ts --quiet)
