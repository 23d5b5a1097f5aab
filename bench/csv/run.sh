#!/bin/sh
# Side by side: CsvReader (bench/csv/CsvBench.java) and data.table::fread on the same file, 1 and 2 threads,
# alternating the two tools so that both see the same load. Peak RSS of each process from /usr/bin/time.
# Run from the repository root after `mvn -o -q compile` (classes in target/classes).
# The Java reader runs under each collector in $GCS (default: G1, the JVM's default here, and Parallel, which a
# project selects for Maven with `-XX:+UseParallelGC` in .mvn/jvm.config).
set -e
rows=${1:-5000000}
repeats=${2:-3}
file=bench/out/bench-$rows.csv
[ -f "$file" ] || java -cp target/classes bench/csv/CsvBench.java "$rows" 0 1
gcs=${GCS:-"G1 Parallel"}
for threads in 1 2; do
  for gc in $gcs; do
    echo "collector $gc:"
    /usr/bin/time -f "java ($gc) threads $threads: peak RSS %M KB, wall %e s (JVM start and compile included)" \
      java -XX:+Use${gc}GC -Xmx2g -cp target/classes bench/csv/CsvBench.java "$rows" "$repeats" "$threads"
  done
  /usr/bin/time -f "fread threads $threads: peak RSS %M KB, wall %e s (R start included)" \
    Rscript bench/csv/fread.R "$file" "$threads" "$repeats"
done
