#!/usr/bin/env bash
# High-dimensional fixed-effects benchmark: Java (this project) and the R anchor side by side.
# Usage, from the repository root:  bash bench/linear/run.sh [threads]
set -euo pipefail
threads="${1:-2}"
mvn -B -o -q test-compile -Dinvoker.skip
jar="$HOME/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
cp="target/classes:target/test-classes:$jar"
csv="target/bench-linear/hd.csv"
mkdir -p target/bench-linear
if [ ! -f "$csv" ]; then
  java -Xmx2g -cp "$cp" dev.repro.estimate.linear.HighDimBenchmark generate "$csv"
fi
java -Xmx2g -cp "$cp" dev.repro.estimate.linear.HighDimBenchmark run "$csv" "$threads"
# the user's path: validating CsvReader, formula model frame, estimator
java -Xmx2g -cp "$cp" dev.repro.estimate.linear.HighDimBenchmark project "$csv" "$threads"
if command -v Rscript >/dev/null 2>&1; then
  Rscript bench/linear/anchor.R "$csv" "$threads"
else
  echo "Rscript not found: R anchor skipped"
fi
