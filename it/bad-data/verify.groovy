def log = new File(basedir, 'build.log').text
assert log.contains('The study and its data have mistakes (3 problems):')
assert log.contains("data/grunfeld.csv:4:4: column 'value': 'abc' is not a number; expected a number such as 1.5 (missing values are written as empty, NA or .)")
assert log.contains('data/grunfeld.csv:6: duplicate (firm, year) = (1, 1936), first seen on line 3')
assert log.contains("study.yaml:9:11: datasets.missing.file: file 'data/nope.csv' not found")
assert log.contains('BUILD FAILURE')
// a user mistake is no crash: no Java stack trace, and nothing half-written
assert !log.contains('Exception:')
assert !log.contains('\tat ')
assert !new File(basedir, 'target/repro/results.json').exists()
return true
