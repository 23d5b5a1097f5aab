def log = new File(basedir, 'build.log').text
assert log.contains('The study file cannot be read (1 problem):')
assert log.contains('study.yaml:8:10: YAML aliases (*inv) are not supported; write the value out')
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat ')
assert !log.contains('internal error')
return true
