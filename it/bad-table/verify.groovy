// A mistake in a table's stats and in a figure's models is found by validate (the first phase), where it is written
def log = new File(basedir, 'build.log').text
assert log.contains('The study file has mistakes (2 problems):')
assert log.contains("study.yaml:14:19: tables.main.stats[1]: unknown statistic 'r2within', did you mean 'r2Within'? use any of: nobs, groups, clusters, r2Within, r2, adjR2, F, dfResid, depMean, sargan, hansen, ar1, ar2")
assert log.contains("study.yaml:18:18: figures.coef.models[1]: unknown model 'ols'; the study's models are: fe")
assert log.contains('repro-maven-plugin') && log.contains(':validate')
assert !log.contains(':estimate')
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat ')
assert !new File(basedir, 'target/repro/results.json').exists()
return true
