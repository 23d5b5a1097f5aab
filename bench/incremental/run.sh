#!/usr/bin/env bash
# No-op `mvn verify` (nothing changed since the last build) on the example project and on a generated 5M-row CSV,
# against Maven's own start on an empty project. Not a test: prints wall times.
# Usage, from the repository root:  bash bench/incremental/run.sh [extra mvn options, e.g. -Dmaven.repo.local=...]
set -euo pipefail
opts=(-B -o -q "$@")
repeats=3
mvn "${opts[@]}" install -DskipTests -Dinvoker.skip
# the 5M-row file of bench/linear (HighDimBenchmark generate: y, x1, x2, product, regionyear; ~195 MB), made once
repo="$HOME/.m2/repository"
for o in "$@"; do case "$o" in -Dmaven.repo.local=*) repo="${o#-Dmaven.repo.local=}" ;; esac; done
cp="target/classes:target/test-classes:$repo/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"
big=target/bench-incremental/big
mkdir -p "$big/data"
cp bench/incremental/pom.xml bench/incremental/study.yaml "$big/"
cp bench/incremental/empty-pom.xml target/bench-incremental/empty-pom.xml
if [ ! -f "$big/data/hd.csv" ]; then
  java -Xmx2g -cp "$cp" dev.repro.estimate.linear.HighDimBenchmark generate "$big/data/hd.csv"
fi
wall() { # wall time in seconds of one command, its output discarded
  local start end
  start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
  echo "$start $end" | awk '{printf "%.2f", $2 - $1}'
}
times() { local label=$1; shift; local t=(); for _ in $(seq $repeats); do t+=("$(wall "$@")"); done; echo "$label: ${t[*]} s"; }
# full builds first (baseline, then verify renders the tables), so that the timed runs have nothing to do
mvn "${opts[@]}" -f example-project verify >/dev/null
(cd "$big" && mvn "${opts[@]}" repro:baseline >/dev/null && mvn "${opts[@]}" verify >/dev/null)
times "Maven start (empty project, mvn validate)" mvn "${opts[@]}" -f target/bench-incremental/empty-pom.xml validate
times "example project, mvn verify, nothing changed" mvn "${opts[@]}" -f example-project verify
times "5M-row project, mvn verify, nothing changed" mvn "${opts[@]}" -f "$big/pom.xml" verify
times "5M-row project, mvn verify -Drepro.hash=always" mvn "${opts[@]}" -f "$big/pom.xml" verify -Drepro.hash=always
# the plugin's own share, in one JVM, with the installed jar (a class folder would count as another plugin)
mvn "${opts[@]}" dependency:build-classpath -Dmdep.outputFile=target/bench-incremental/cp.txt -Dmdep.includeScope=runtime
java -cp "$repo/dev/repro/repro-maven-plugin/0.1.0-SNAPSHOT/repro-maven-plugin-0.1.0-SNAPSHOT.jar:$(cat target/bench-incremental/cp.txt)" \
  bench/incremental/NoopBench.java "$big" 5
java -cp "$repo/dev/repro/repro-maven-plugin/0.1.0-SNAPSHOT/repro-maven-plugin-0.1.0-SNAPSHOT.jar:$(cat target/bench-incremental/cp.txt)" \
  bench/incremental/NoopBench.java example-project 5
# what the no-op build said, for the record
(cd "$big" && mvn -B -o "$@" verify | grep -E 'unchanged|up to date|No drift')
