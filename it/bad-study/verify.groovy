def log = new File(basedir, 'build.log').text
assert log.contains('The study file has mistakes (5 problems):')
// a misspelt top-level key: a transposition is one edit, so 'tables' ties with 'labels' and both are offered
assert log.contains("[ERROR]   study.yaml:17:1: tabels: unknown key 'tabels' in the study file, did you mean 'labels' or 'tables'?")
assert log.contains("study.yaml:13:5: models.ols.formla: unknown key 'formla' in models.ols, did you mean 'formula'?")
assert log.contains("study.yaml:10:11: models.fe.vcov: unknown cluster variable 'frim' in dataset grunfeld, did you mean 'firm'?")
assert log.contains("study.yaml:9:14: models.fe.formula: formula \"inv ~ value + capitl | firm\": unknown variable 'capitl' in dataset grunfeld at character 15; did you mean 'capital'?")
assert log.contains('    inv ~ value + capitl | firm')
assert log.contains('study.yaml:16:14: models.lagged.formula: formula "inv ~ L(value, 1) + | firm": expected a term after \'+\' at character 21')
assert log.contains('    inv ~ L(value, 1) + | firm')
assert log.contains('                        ^')
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat ')
assert !new File(basedir, 'target/repro/results.json').exists()
return true
