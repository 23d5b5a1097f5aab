def log = new File(basedir, 'build.log').text
// first invocation: the baseline on the original data
assert log.contains('Recorded the baseline repro-baseline.json')
// second: one investment value 5% higher
assert log.contains('Results drifted from the baseline')
assert log =~ /\d+ of \d+ values drifted from the baseline repro-baseline.json; if the change is intended, accept it with `mvn repro:baseline`/
assert log =~ /item\s+baseline\s+now\s+difference\s+tolerance/
assert log =~ /models\.fe\.coefficients\.value\.estimate\s+0\.1101238041\s+/
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat ')
// after repro:baseline accepts the change, the same build passes
assert log.count('Recorded the baseline repro-baseline.json') == 2
assert log.contains('No drift:')
assert log.trim().endsWith('BUILD SUCCESS') || log.lastIndexOf('BUILD SUCCESS') > log.lastIndexOf('BUILD FAILURE')
return true
