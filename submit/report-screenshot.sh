#!/usr/bin/env bash
# Screenshot of a report page in headless Chromium (Debian package `chromium`):
#   submit/report-screenshot.sh runs/.../report.html shot.png [WIDTHxHEIGHT [SCALE]]
# SCALE < 1 makes a smaller image of the same layout (the one in docs/tables.md uses 1280x3000 0.6).
# The page is self-contained (charts embedded), so no server and no network are needed.
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT (default 1280x2400) [SCALE (default 1)]]" >&2
  exit 2
fi
page=$(realpath "$1")
out=$(realpath -m "$2")
size=${3:-1280x2400}
scale=${4:-1}
[[ -f "$page" ]] || { echo "$0: $page: no such file" >&2; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || true)
[[ -n "$browser" ]] || { echo "$0: chromium not found (apt-get install -y chromium)" >&2; exit 1; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size="${size/x/,}" --force-device-scale-factor="$scale" --screenshot="$out" "file://$page" 2>/dev/null
[[ -s "$out" ]] || { echo "$0: chromium wrote no screenshot to $out" >&2; exit 1; }
echo "screenshot: $out"
