#!/usr/bin/env bash
# The whole test suite: installs what it needs (npm packages, Debian's Chromium), builds the data
# and the app, then runs type checks, lint (eslint, prettier --check), unit/component tests and end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "Installing Debian's Chromium for the end-to-end tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
  else
    echo "Chromium is missing: run 'sudo apt-get install -y chromium' (Debian) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

summary_file=$(mktemp)
trap 'rm -f "$summary_file"' EXIT
run_vitest() {
  local label=$1; shift
  local report
  report=$(mktemp)
  set +e
  npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
  local status=$?
  set -e
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`${process.argv[2]} ${r.numPassedTests} ${r.numFailedTests} ${r.numPendingTests + r.numTodoTests}`);
  ' "$report" "$label" >> "$summary_file" || echo "$label 0 1 0" >> "$summary_file"
  rm -f "$report"
  return $status
}

npm run data
npm run typecheck
failed=0
# eslint + prettier --check: one pass/fail entry in the summary; a lint failure fails the run.
if npm run lint; then
  echo "lint 1 0 0" >> "$summary_file"
else
  echo "lint 0 1 0" >> "$summary_file"
  failed=1
fi
run_vitest unit || failed=1
run_vitest e2e --config tests/e2e/vitest.e2e.config.ts || failed=1

awk '{p+=$2; f+=$3; s+=$4; printf "  %-5s %d passed, %d failed, %d skipped\n", $1, $2, $3, $4} END {printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' "$summary_file"
exit $failed
