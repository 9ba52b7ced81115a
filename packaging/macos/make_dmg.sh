#!/usr/bin/env bash
# Wrap DentasyncDesktop.app in a compressed .dmg with an /Applications link.
# Usage: make_dmg.sh PATH/TO/DentasyncDesktop.app VERSION OUTPUT_DIR   (macOS only: uses hdiutil)
set -euo pipefail
app="$1"; version="$2"; out="$3"
[ -d "$app" ] || { echo "no app bundle at $app" >&2; exit 1; }
command -v hdiutil >/dev/null || { echo "hdiutil not found: run this on macOS" >&2; exit 1; }
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg="$out/DentasyncDesktop-$version.dmg"
rm -f "$dmg"
hdiutil create -volname "Dentasync Desktop $version" -srcfolder "$stage" -fs HFS+ \
  -format UDZO -imagekey zlib-level=9 "$dmg"
echo "$dmg"
