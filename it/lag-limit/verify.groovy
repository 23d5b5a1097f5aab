def log = new File(basedir, 'build.log').text
assert log.contains('The study file has mistakes (1 problem):')
assert log.contains('study.yaml:9:14: models.fe.formula: formula "inv ~ L(value, 0:100000) | firm": the lag range 0:100000 gives 100001 lags at character 16')
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat ')
assert !log.contains('OutOfMemoryError')
return true
