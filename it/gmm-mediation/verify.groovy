def log = new File(basedir, 'build.log').text
assert log.contains('Recorded the baseline repro-baseline.json')
assert log.contains('Study study.yaml is valid: 2 datasets, 2 models, 0 tests, 2 tables')
assert log.contains('Wrote target/repro/results.json: 2 models, 0 tests')
assert log.contains('No drift:')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
def close = { double got, double want -> Math.abs(got - want) <= 1e-6 * Math.abs(want) }
// R plm 2.6.2: summary(pgmm(log(emp) ~ lag(log(emp), 1:2) + lag(log(wage), 0:1) + log(capital) + lag(log(output), 0:1)
//   | lag(log(emp), 2:99), data = EmplUK, effect = "twoways", model = "twosteps"))  (src/test/golden/gmm/golden.csv, ab2)
def ab = results.models.ab
assert ab.estimator == 'gmm' && ab.vcov == 'windmeijer'
assert ab.nobs == 611 && ab.groups == 140 && ab.info.instruments == 38
assert close(ab.coefficients['L(log(emp), 1)'].estimate, 0.4741506014811141)
assert close(ab.coefficients['L(log(emp), 1)'].stdError, 0.18539845430193494)
assert close(ab.diagnostics.sargan.statistic, 30.112466576963861) && ab.diagnostics.sargan.df == 25
assert close(ab.diagnostics.ar1.statistic, -1.5384501538927864)
assert close(ab.diagnostics.ar2.statistic, -0.27968292320739307)
// system GMM (golden.csv, bb2)
assert close(results.models.bb.coefficients['L(log(emp), 1)'].estimate, 0.93221352187140905)
// mediation against src/test/golden/gmm/mediation.R (mediation_golden.csv, produc_simple)
def m = results.mediation.pc_path
assert m.treatment == 'log(pcap)' && m.mediator == 'log(pc)' && m.outcome == 'log(gsp)'
assert close(m.a.estimate, 0.15557290076401512)
assert close(m.b.estimate, 0.16882803540684566)
assert close(m.c.estimate, -0.0039109893813048767)
assert close(m.indirect.estimate, 0.026265067198532829)
assert close(m.indirect.sobel.z, 1.3136142285061618)
assert m.replications == 500 && m.seed == 20250521 && m.units == 48 && m.ciMethod == 'percentile'
assert m.indirect.ciLower < m.indirect.estimate && m.indirect.estimate < m.indirect.ciUpper
def tex = new File(basedir, 'target/repro/tables/med.tex').text
assert tex.contains('500 replications')
assert new File(basedir, 'target/repro/tables/gmm.tex').text.contains('Sargan')
return true
