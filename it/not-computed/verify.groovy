def log = new File(basedir, 'build.log').text
// first invocation: the located error names the statistics and the reason
assert log.contains('Estimation failed')
assert log =~ /study\.yaml:9:5: models\.fe: could not compute coefficients\.value\.estimate, coefficients\.value\.stdError, coefficients\.value\.t, coefficients\.value\.p, coefficients\.capital\.estimate, coefficients\.capital\.stdError and \d+ more \(overflow: 'value' has the value 1\.00000e\+200, whose square exceeds the largest double; rescale the column\); fix the data or the formula, or set allowMissing: true on the model to keep them as null \(n\/a in tables\)/
assert !log.contains('\tat ')
// second: allowMissing keeps them null, with a warning, and the table prints n/a with its note
assert log.contains('models.fe: could not compute coefficients.value.estimate')
assert log.contains('kept as null (allowMissing: true), shown as n/a')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
assert results.models.fe.coefficients.value.estimate == null
def md = new File(basedir, 'target/repro/tables/main.md').text
assert md.contains('n/a: could not be computed.')
assert !(md =~ /\| *-?\d+\.\d+/)
assert !md.contains('***')
def csv = new File(basedir, 'target/repro/tables/main.csv').text
assert csv.contains('n/a')
return true
