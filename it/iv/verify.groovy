def log = new File(basedir, 'build.log').text
assert log.contains('Study study.yaml is valid: 1 datasets, 2 models, 0 tests, 1 tables, 0 figures')
assert log.contains('Wrote target/repro/results.json: 2 models, 0 tests')
assert log.contains('No drift:')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
def close = { double got, double want -> Math.abs(got - want) <= 1e-8 * Math.abs(want) }
// src/test/golden/iv/golden.csv, twofe / cluster: estimatr::iv_robust(fixed_effects = ~ f + g, clusters = cl, se_type = "stata")
def t = results.models.tsls
assert t.estimator == 'iv' && t.vcov == 'cluster(cl)' && t.nobs == 400 && t.clusters == 30
assert close(t.coefficients.x.estimate, 1.2172886127919773) && close(t.coefficients.x.stdError, 0.14273282433007917)
assert close(t.info.firstStages[0].F.statistic, 48.142884194592312)
assert t.info.weakIdentification.name == 'Kleibergen-Paap rk Wald F' && close(t.info.weakIdentification.statistic, 48.142884194592241)
assert t.info.overidentification.name == 'Hansen J' && close(t.info.overidentification.statistic, 4.2145193752879617)
assert close(t.info.endogeneity.statistic, 20.840703078012677)
// liml / hc1: the k-class formulas of golden.R
def l = results.models.liml
assert l.info.method == 'liml' && close(l.info.kappa, 1.0299472230211209) && close(l.coefficients.x.estimate, 1.0978440826458371)
def md = new File(basedir, 'target/repro/tables/iv.md').text
assert md.contains('First stage: x')
assert md.contains('Weak identification F')
assert md.contains('| 48.143 |')
assert new File(basedir, 'target/repro/tables/iv.tex').exists()
return true
