#!/bin/sh
# The least Java heap (-Xmx, in MB) with which CsvReader reads the bench file, found by bisection: the peak
# live heap of a read, whatever the collector's timing (a read that does not fit fails with OutOfMemoryError).
# Run from the repository root after `mvn -o -q compile` and bench/csv/run.sh (which makes the file).
#   bench/csv/minheap.sh [rows] [threads] [low MB] [high MB] [classes dir]
# Under G1 (the JVM's default), whose regions let any array live anywhere in the heap; the bound printed by
# CsvBench (1.2 x the final columns plus one 8 MB chunk per thread) is the target.
rows=${1:-5000000}
threads=${2:-1}
lo=${3:-200}
hi=${4:-520}
classes=${5:-target/classes}
fits() {
  java -XX:+UseG1GC -Xmx"$1"m -cp "$classes" bench/csv/CsvBench.java "$rows" 1 "$threads" >/dev/null 2>&1
}
fits "$hi" || { echo "threads $threads: does not fit in $hi MB"; exit 1; }
while [ $((hi - lo)) -gt 4 ]; do
  mid=$(((lo + hi) / 2))
  if fits "$mid"; then hi=$mid; else lo=$mid; fi
done
echo "threads $threads ($classes): the read fits in ${hi} MB of heap and not in ${lo} MB (G1, -Xmx)"
