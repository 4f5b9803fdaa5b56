#!/usr/bin/env bash
# Regenerates dict/icu-thaidict.txt: the Thai word list that Debian's ICU
# package compiles into its data library (libicudata, item
# brkitr/thaidict.dict), listed with ICU's own API by icuwords.cpp.
#
# Needs Debian 12 packages libicu72 and libicu-dev (apt-get install libicu-dev
# g++ pkg-config). Run from anywhere: bash indexer/thai/gen/icu.sh
# Then regenerate the compiled dictionary: go generate ./indexer/thai
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../dict/icu-thaidict.txt}
PKG=libicu72
VER=$(dpkg-query -W -f='${Version}' "$PKG")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
g++ -O2 -o "$TMP/icuwords" "$HERE/icuwords.cpp" $(pkg-config --cflags --libs icu-uc)
"$TMP/icuwords" thaidict | LC_ALL=C sort -u > "$TMP/words"
{
  echo "# ICU Thai word list (brkitr/thaidict.dict) from Debian package $PKG $VER,"
  echo "# listed by indexer/thai/gen/icu.sh; Unicode License, see LICENSE-ICU.txt."
  echo "# Unmodified here; dict/exclude.txt and dict/domain.txt filter and extend it at build time."
  cat "$TMP/words"
} > "$OUT"
echo "$(wc -l < "$TMP/words") words from $PKG $VER -> $OUT"
