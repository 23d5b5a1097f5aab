#!/usr/bin/env bash
# bench/wild: the wild cluster restricted bootstrap, 99,999 Webb draws, of x5 in a two-way FE model
# (30 clusters, 270 rows), Java against a plain R loop that refits. Usage from the repository root:
#   bash bench/wild/run.sh [draws=99999] [threads=2] [R draws=99999] [maven repo=$HOME/.m2/repository]
set -euo pipefail
B=${1:-99999}
THREADS=${2:-2}
RB=${3:-99999}
REPO=${4:-$HOME/.m2/repository}
mvn -B -o -q -Dmaven.repo.local="$REPO" test-compile -Dinvoker.skip
CP=target/classes:target/test-classes:$REPO/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar
FILE=target/bench-wild/panel.csv
java -cp "$CP" dev.repro.estimate.bootstrap.BootstrapBenchmark generate "$FILE"
/usr/bin/time -f "java wall %e s (JVM start to exit), max RSS %M kB" \
  java -cp "$CP" dev.repro.estimate.wild.WildBenchmark "$FILE" "$B" 1 5
/usr/bin/time -f "java wall %e s (JVM start to exit), max RSS %M kB" \
  java -cp "$CP" dev.repro.estimate.wild.WildBenchmark "$FILE" "$B" "$THREADS" 5
Rscript bench/wild/refit_loop.R "$FILE" "$RB"
