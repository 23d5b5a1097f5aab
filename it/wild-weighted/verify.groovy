def log = new File(basedir, 'build.log').text
assert log.contains('Study study.yaml is valid: 1 datasets, 2 models, 0 tests, 1 tables, 0 figures')
assert log.contains('Wrote target/repro/results.json: 2 models, 0 tests')
assert log.contains('No drift: 77 values equal the baseline repro-baseline.json')
assert !log.contains('not available for weighted models')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
def close = { double got, double want -> Math.abs(got - want) <= 1e-8 * Math.abs(want) }
// src/test/golden/wild/golden.csv, twfe_x1_weighted: every one of the 2^10 Rademacher draws refitted by lm(weights = w) in R
def w = results.models.weighted.wild.x1
assert results.models.weighted.info.weights == 'w' // the analytic fit is weighted too
assert w.p == 0.021484375 && w.pEqualTailed == 0.021484375 && w.draws == 1024 && w.enumerated == true
assert close(w.ciLow, 0.2563807436046952) && close(w.ciHigh, 1.4333307594269065)
// twfe_x1: the same model unweighted
def u = results.models.unweighted.wild.x1
assert u.p == 0.03125 && close(u.ciLow, 0.28592932466953946) && close(u.ciHigh, 1.546506621422246)
def md = new File(basedir, 'target/repro/tables/main.md').text
assert md.contains('\\[0.021\\]') && md.contains('\\[0.031\\]')
assert md.contains('Wild cluster restricted bootstrap p-values (Rademacher weights, 1,024 draws, all enumerated) in brackets.')
return true
