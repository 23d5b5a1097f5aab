def log = new File(basedir, 'build.log').text
// first invocation: baseline, then the whole build passes on the original data
assert log.contains('Recorded the baseline repro-baseline.json')
assert log.contains('No drift:')
// second: a data cell changed after estimate; check alone refuses the old results
assert log.contains('Stale results (1 problem):')
assert log.contains('target/repro/results.json: results.json is stale: data/grunfeld.csv changed since estimate; run `mvn verify`')
assert !log.contains('\tat ')
assert log.count('No drift:') == 1
return true
