def log = new File(basedir, 'build.log').text
assert log.contains("Study study.yaml is valid: 2 datasets, 2 models, 0 tests, 2 tables")
assert log.contains('models.gravity: 20 observations dropped as separated by fixed effect ex (flow is 0 in every observation of their level)')
assert log.contains('Wrote target/repro/results.json: 2 models, 0 tests')
assert log.contains('No drift:')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
def close = { double got, double want -> Math.abs(got - want) <= 1e-8 * Math.abs(want) }
// src/test/golden/ppml/golden.csv, ex+im / cluster_ex: glm(poisson) with dummies, sandwich::vcovCL(type = "HC1") rescaled to
// ppmlhdfe's K (ex nested in the cluster is not counted)
def g = results.models.gravity
assert g.estimator == 'ppml' && g.vcov == 'cluster(ex)' && g.nobs == 220 && g.clusters == 11
assert g.info.separated.ex == 20
assert close(g.coefficients.ldist.estimate, -0.78712088326915619) && close(g.coefficients.ldist.stdError, 0.10023997841898379)
assert close(g.info.deviance, 212.85284629605508)
// src/test/golden/wild/golden.csv, twfe_x1: every one of the 2^10 Rademacher draws refitted in R
def w = results.models.twfe.wild.x1
assert w.p == 0.03125 && w.pEqualTailed == 0.03125 && w.draws == 1024 && w.enumerated == true
assert close(w.ciLow, 0.28592932466953946) && close(w.ciHigh, 1.546506621422246)
def md = new File(basedir, 'target/repro/tables/main.md').text
// wild: true prints results.json's wild.x1.p (0.03125) under x1's t statistic, and says how it was computed
assert new File(basedir, 'target/repro/tables/main.csv').text.contains(',,[0.031]')
assert md.contains('\\[0.031\\]') // Markdown escapes the brackets
assert md.contains('Wild cluster restricted bootstrap p-values (Rademacher weights, 1,024 draws, all enumerated) in brackets.')
// the PPML column reports z statistics, the linear one t: the note says which columns hold which
assert md.contains('t statistics (z statistics in (1)) in parentheses')
assert new File(basedir, 'target/repro/tables/main.tex').exists()
// depMean: R mean(panel$y) and mean(flow) over the 220 observations PPML kept (the separated ones are all zeros)
assert close(results.models.twfe.depMean, -0.10275517999999999) && close(g.depMean, 2.9132136363636363)
// stat: ci prints results.json's intervals.<table>: b -/+ qt(0.975, G - 1 = 9) se (R) for the clustered linear model,
// b -/+ qnorm(0.975) se for PPML's z tests
def ci = results.intervals.intervals
assert ci.level == 0.95
def x1 = results.models.twfe.coefficients.x1
assert close(ci.models.twfe.x1.low, x1.estimate - 2.2621571627982049 * x1.stdError)
assert close(ci.models.twfe.x1.high, x1.estimate + 2.2621571627982049 * x1.stdError)
def ld = g.coefficients.ldist
assert close(ci.models.gravity.ldist.low, ld.estimate - 1.9599639845400536 * ld.stdError)
def imd = new File(basedir, 'target/repro/tables/intervals.md').text
// x1: the analytic interval, then the wild one (wild.x1.ciLow 0.2859, ciHigh 1.5465) below it
assert imd.contains('| x1 |  | 0.878\\*\\*\\* |\n|  |  | \\[0.310, 1.445\\] |\n|  |  | \\[0.286, 1.547\\] |')
assert imd.contains('| ldist | -0.787\\*\\*\\* |  |\n|  | \\[-0.984, -0.591\\] |  |')
assert imd.contains('| Mean of dep. var. | 2.913 | -0.103 |')
assert imd.contains('95% confidence intervals (normal in (1)) in brackets, computed with standard errors clustered by ex in (1); standard errors clustered by id in (2).')
assert imd.contains('Wild cluster restricted bootstrap 95% confidence intervals (by test inversion; Rademacher weights, 1,024 draws, all enumerated) in brackets below the analytic intervals.')
assert new File(basedir, 'target/repro/tables/intervals.tex').text.contains('{[}0.286,\\\\1.547{]}') // a long cell stacks in a narrow number column
return true
