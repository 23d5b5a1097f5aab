#!/usr/bin/env bash
# bench/bootstrap: 5,000 cluster-bootstrap replications of a two-way FE model (30 x 9 panel, 6 regressors).
# Usage from the repository root: bash bench/bootstrap/run.sh [threads] [replications]
set -euo pipefail
THREADS=${1:-2}
B=${2:-5000}
mvn -B -o -q test-compile -Dinvoker.skip
CP=target/classes:target/test-classes:$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar
FILE=target/bench-bootstrap/panel.csv
java -cp "$CP" dev.repro.estimate.bootstrap.BootstrapBenchmark generate "$FILE"
/usr/bin/time -f "java wall %e s (JVM start to exit), max RSS %M kB" \
  java -cp "$CP" dev.repro.estimate.bootstrap.BootstrapBenchmark run "$FILE" "$B" 1 5
/usr/bin/time -f "java wall %e s (JVM start to exit), max RSS %M kB" \
  java -cp "$CP" dev.repro.estimate.bootstrap.BootstrapBenchmark run "$FILE" "$B" "$THREADS" 5
if command -v Rscript >/dev/null; then
  Rscript bench/bootstrap/plm_loop.R "$FILE" 500
fi
