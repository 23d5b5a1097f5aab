def log = new File(basedir, 'build.log').text
assert log.contains('A path given to the build lies outside the project folder')
assert log =~ /repro\.study: '[^']*outside-study\.yaml' (is an absolute path outside the project folder|leaves the project folder); the study file must lie inside the project folder: put it there and name it relative to the project \(e\.g\. -Drepro\.study=study\.yaml\)/
assert log.contains("repro.baseline: '/tmp/repro-outside-baseline.json' is an absolute path outside the project folder; the baseline must lie inside the project folder")
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat ')
// refused before anything was written
assert !new File(basedir, 'target/repro').exists()
return true
