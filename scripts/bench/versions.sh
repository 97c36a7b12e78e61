#!/bin/bash
# Build time and size with 历史版本 at scale (BENCHMARKS.md "Versions"):
#   bash scripts/bench/versions.sh [N=10000] [FRACTION=0.1]
# generates N recombined-real documents twice (seed 42), without versions and with FRACTION of them given
# 2–3 versions (scripts/bench/versions.ts), then times one full `npm run build` of each (empty dist/ and cache).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-10000}; F=${2:-0.1}; B=$PWD/.bench/versions
node=node_modules/.bin/node
for T in 0 "$F"; do
  C=$B/corpus-$N-$T; OUT=$B/out-$N-$T; CACHE=$B/cache-$N-$T
  rm -rf "$C" "$OUT" "$CACHE"
  $node scripts/bench/generate.ts --count "$N" --out "$C" --format md --seed 42 --versions "$T" > /dev/null
  start=$(date +%s.%N)
  PORTAL_CONTENT=$C PORTAL_OUT_DIR=$OUT PORTAL_CACHE_DIR=$CACHE PORTAL_LENIENT=0 PORTAL_TODAY=2026-12-01 \
    /usr/bin/time -v npm run build --silent > "$B/log-$N-$T.txt" 2>&1
  end=$(date +%s.%N)
  rss=$(grep "Maximum resident" "$B/log-$N-$T.txt" | awk '{print $6}')
  versions=$(cd "$C/policies" && find . -path '*/versions/*.md' | wc -l)
  echo "N=$N versions=$T (${versions} earlier versions) wall=$(echo "$end - $start" | bc)s peak(largest process)=${rss}KB pages=$(find "$OUT" -name '*.html' | wc -l) dist=$(du -sb "$OUT" | cut -f1)B search=$(du -sb "$OUT/search" | cut -f1)B"
done
