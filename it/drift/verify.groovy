def log = new File(basedir, 'build.log').text
// first invocation: the baseline on the original data
assert log.contains('Recorded the baseline repro-baseline.json')
// second: one investment value 5% higher
assert log.contains('Results drifted from the baseline')
assert log.contains('Recorded the baseline repro-baseline.json with the SHA-256 of its 2 input files; commit it so that `mvn verify` checks against it')
// the failure starts with a summary: what drifted where, the largest relative change, and the input file that changed
def lines = log.readLines()
int head = lines.findIndexOf { it.contains('values drifted from the baseline') }
assert head >= 0
assert lines[head] == '[ERROR]   repro-baseline.json: 29 of 56 values drifted from the baseline repro-baseline.json; if the change is intended, accept it with `mvn repro:baseline`'
assert lines[head + 1] == '[ERROR]     drifted: 15 in model fe, 14 in model pooled'
assert lines[head + 2] == '[ERROR]     largest relative change: -1.31% at models.fe.F (baseline 309.0141752, now 304.9663747)'
assert lines[head + 3] == '[ERROR]     inputs: data/grunfeld.csv changed since the baseline'
assert lines[head + 5] ==~ /\[ERROR\]     item +baseline +now +difference +tolerance +note/
assert log =~ /item\s+baseline\s+now\s+difference\s+tolerance/
assert log =~ /models\.fe\.coefficients\.value\.estimate\s+0\.1101238041\s+/
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat ')
// after repro:baseline accepts the change, the same build passes
assert log.count('Recorded the baseline repro-baseline.json') == 2
assert log.contains('No drift:')
assert log.trim().endsWith('BUILD SUCCESS') || log.lastIndexOf('BUILD SUCCESS') > log.lastIndexOf('BUILD FAILURE')
return true
