#!/usr/bin/env bash
# Builds GOV.UK Frontend into putright/static/vendor/govuk-frontend/ (git-ignored), from the npm
# packages pinned in frontend/package-lock.json:
#   govuk-frontend.min.css      compiled from frontend/putright.scss: GOV.UK Frontend 5 with a system
#                               font stack, no GDS Transport @font-face, and asset URLs relative to
#                               the CSS file, so they resolve under Django's STATIC_URL
#   govuk-frontend.min.js(.map) copied from govuk-frontend's dist (an ES module exporting initAll)
#   moj-frontend.min.css        MOJ Frontend's back-office patterns (timeline, badges, sub-navigation),
#                               compiled from frontend/moj.scss; MOJ cannot take GOV.UK's font setting,
#                               so its "GDS Transport" font stacks are replaced by the same system stack
#   moj-frontend.min.js         copied from MOJ Frontend's dist (an ES module)
#   assets/images/              copied from both dists (the only assets the CSS refers to; the GDS
#                               Transport fonts are deliberately not copied)
# Run from anywhere: `make frontend` or `bash frontend/build.sh`.
set -euo pipefail

FRONTEND="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$FRONTEND")"
OUT="$ROOT/putright/static/vendor/govuk-frontend"
DIST="$FRONTEND/node_modules/govuk-frontend/dist/govuk"
MOJ="$FRONTEND/node_modules/@ministryofjustice/frontend/moj"
SYSTEM_FONTS='system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif'

if ! command -v npm >/dev/null 2>&1; then
  echo "frontend/build.sh: npm was not found on PATH." >&2
  echo "  PutRight's pages need GOV.UK Frontend, which is built from the npm registry." >&2
  echo "  Install Node.js and npm (on Debian: apt-get install -y nodejs npm) and run 'make frontend' again." >&2
  exit 1
fi

cd "$FRONTEND"

# Install exactly what the lock file says, only when node_modules is missing or older than the lock.
# --ignore-scripts: none of these packages needs an install script (sass's optional file watcher
# would try to compile a native module, which the build does not use).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  echo "frontend/build.sh: npm ci"
  npm ci --ignore-scripts --no-audit --no-fund
  touch node_modules
fi

for f in "$DIST/govuk-frontend.min.js" "$DIST/govuk-frontend.min.js.map" "$DIST/assets/images" \
  "$MOJ/moj-frontend.min.js" "$MOJ/assets/images" node_modules/.bin/sass node_modules/axe-core/axe.min.js; do
  if [ ! -e "$f" ]; then
    echo "frontend/build.sh: $f is missing after npm ci; delete frontend/node_modules and run again." >&2
    exit 1
  fi
done

mkdir -p "$OUT"
# Build into a fresh folder beside the output and swap it in, so a running server never sees half a build.
STAGE="$(mktemp -d "$OUT.build.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT

node_modules/.bin/sass --load-path=node_modules --style=compressed --no-source-map --quiet-deps \
  putright.scss "$STAGE/govuk-frontend.min.css"
node_modules/.bin/sass --load-path=node_modules --load-path=. --style=compressed --no-source-map --quiet-deps \
  moj.scss "$STAGE/moj-frontend.min.css"
sed -i "s/\"GDS Transport\",arial,sans-serif/$SYSTEM_FONTS/g" "$STAGE/moj-frontend.min.css"
cp "$DIST/govuk-frontend.min.js" "$DIST/govuk-frontend.min.js.map" "$MOJ/moj-frontend.min.js" "$STAGE/"
mkdir -p "$STAGE/assets/images"
cp -R "$DIST/assets/images/." "$MOJ/assets/images/." "$STAGE/assets/images/"

# Every url() in the compiled CSS must be relative and name a file that was copied.
bad=0
while IFS= read -r url; do
  case "$url" in
    /* | *://*)
      echo "frontend/build.sh: absolute asset URL in the CSS: $url" >&2
      bad=1
      ;;
    *)
      if [ ! -f "$STAGE/$url" ]; then
        echo "frontend/build.sh: the CSS refers to $url, which was not copied" >&2
        bad=1
      fi
      ;;
  esac
done < <(cat "$STAGE/govuk-frontend.min.css" "$STAGE/moj-frontend.min.css" | grep -o 'url([^)]*)' | sed -E 's/^url\(["'\'']?//; s/["'\'']?\)$//' | sort -u)
if grep -q 'GDS Transport' "$STAGE/govuk-frontend.min.css" "$STAGE/moj-frontend.min.css"; then
  echo "frontend/build.sh: the CSS still names the GDS Transport font" >&2
  bad=1
fi
[ "$bad" = 0 ] || exit 1

rm -rf "$OUT"
mv "$STAGE" "$OUT"
chmod 755 "$OUT"
trap - EXIT
echo "frontend/build.sh: GOV.UK Frontend $(node -p 'require("govuk-frontend/package.json").version') and MOJ Frontend $(node -p 'require("@ministryofjustice/frontend/package.json").version') built into ${OUT#"$ROOT"/}"
