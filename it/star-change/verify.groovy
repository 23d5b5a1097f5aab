def log = new File(basedir, 'build.log').text
assert log.contains('Recorded the baseline repro-baseline.json')
assert log =~ /1 of \d+ values drifted from the baseline repro-baseline.json/
assert log =~ /models\.ols\.coefficients\.x\.p\s+0\.035889\d+\s+0\.058499\d+.*significance changed from \*\* to \*/
assert log.contains('BUILD FAILURE')
def junit = new File(basedir, 'target/repro/junit/TEST-repro-drift.xml').text
assert junit.contains('failures="1"')
assert junit.contains('<failure type="STARS"')
return true
