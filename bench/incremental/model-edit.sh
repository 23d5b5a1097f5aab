#!/usr/bin/env bash
# One model's formula edited on the 5M-row project (bench/incremental/study.yaml, the data of run.sh): wall time of
# `mvn verify` with two plugin versions, alternately, each in its own copy of the project (a plugin's records and
# cache are not the other's), each run after toggling the formula between "y ~ x1 + x2 | ..." and "y ~ x1 | ...".
# Not a test: prints wall times and the load average.
# Usage, from the repository root, after installing both versions (e.g. main's build as 0.1.0-main):
#   bash bench/incremental/model-edit.sh BEFORE_VERSION AFTER_VERSION [repeats] [extra mvn options]
set -euo pipefail
before=$1; after=$2; repeats=${3:-3}; shift 3 || shift $#
opts=(-B -o -q -Drepro.failOnDrift=false "$@")
root=target/bench-incremental/model-edit
data=target/bench-incremental/big/data/hd.csv
[ -f "$data" ] || { echo "run bench/incremental/run.sh first (it generates $data)"; exit 1; }
for v in "$before" "$after"; do
  mkdir -p "$root/$v/data"
  cp bench/incremental/pom.xml bench/incremental/study.yaml "$root/$v/"
  [ -f "$root/$v/data/hd.csv" ] || cp "$data" "$root/$v/data/hd.csv"
  (cd "$root/$v" && mvn "${opts[@]}" -Drepro.version="$v" repro:baseline >/dev/null && mvn "${opts[@]}" -Drepro.version="$v" verify >/dev/null)
done
toggle() { # drops x2 from the formula, or puts it back
  if grep -q 'y ~ x1 + x2 |' "$1"; then sed -i 's/y ~ x1 + x2 |/y ~ x1 |/' "$1"; else sed -i 's/y ~ x1 |/y ~ x1 + x2 |/' "$1"; fi
}
for i in $(seq "$repeats"); do
  for v in "$before" "$after"; do
    toggle "$root/$v/study.yaml"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    (cd "$root/$v" && mvn "${opts[@]}" -Drepro.version="$v" verify >/dev/null 2>&1)
    end=$(date +%s.%N)
    echo "$v run $i: $(echo "$start $end" | awk '{printf "%.2f", $2 - $1}') s (load average before: $load)"
  done
done
# what the last build of each said about the data
for v in "$before" "$after"; do
  toggle "$root/$v/study.yaml"
  echo "--- $v"; (cd "$root/$v" && mvn -B -o -Drepro.failOnDrift=false -Drepro.version="$v" "$@" verify | grep -E 'datasets\.|Read data|index steps|Built |estimating it again|Estimating')
done
