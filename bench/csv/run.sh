#!/bin/sh
# Side by side: CsvReader (bench/csv/CsvBench.java) and data.table::fread on the same file, 1 and 2 threads,
# alternating the two tools so that both see the same load. Peak RSS of each process from /usr/bin/time.
# Run from the repository root after `mvn -o -q compile` (classes in target/classes).
set -e
rows=${1:-5000000}
repeats=${2:-3}
file=bench/out/bench-$rows.csv
[ -f "$file" ] || java -cp target/classes bench/csv/CsvBench.java "$rows" 0 1
for threads in 1 2; do
  /usr/bin/time -f "java threads $threads: peak RSS %M KB, wall %e s (JVM start and compile included)" \
    java -Xmx2g -cp target/classes bench/csv/CsvBench.java "$rows" "$repeats" "$threads"
  /usr/bin/time -f "fread threads $threads: peak RSS %M KB, wall %e s (R start included)" \
    Rscript bench/csv/fread.R "$file" "$threads" "$repeats"
done
