#!/usr/bin/env bash
# bench/ppml: PPML flow ~ x1 + x2 + x3 | ex + im, cluster(ex), on 50,000 generated flows (100 exporters,
# 50 importers), Java against R glm(poisson) with factor dummies; then (unless the third argument is skip-hd)
# the 5M-row benchmark: the linear HDFE benchmark's data with a count outcome, PPML and linear fits of the
# same design in one JVM. Usage from the repository root:
#   bash bench/ppml/run.sh [rows=50000] [maven repo=$HOME/.m2/repository] [hd=yes|skip-hd]
set -euo pipefail
ROWS=${1:-50000}
REPO=${2:-$HOME/.m2/repository}
HD=${3:-yes}
mvn -B -o -q -Dmaven.repo.local="$REPO" test-compile -Dinvoker.skip
CP=target/classes:target/test-classes:$REPO/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar
FILE=target/bench-ppml/flows.csv
java -cp "$CP" dev.repro.estimate.ppml.PpmlBenchmark generate "$FILE" "$ROWS"
/usr/bin/time -f "java wall %e s (JVM start to exit), max RSS %M kB" \
  java -cp "$CP" dev.repro.estimate.ppml.PpmlBenchmark run "$FILE" 5
/usr/bin/time -f "R wall %e s, max RSS %M kB" Rscript bench/ppml/glm.R "$FILE"
if [ "$HD" != skip-hd ]; then
  # 5,000,000 rows, 100,000 products, 2,700 region-years; one run (each run fits both models)
  /usr/bin/time -f "java wall %e s, user %U s, sys %S s, max RSS %M kB" \
    java -Xmx3g -cp "$CP" dev.repro.estimate.ppml.PpmlHighDimBenchmark 5000000 100000 2700 1
fi
