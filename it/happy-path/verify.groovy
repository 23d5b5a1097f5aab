def log = new File(basedir, 'build.log').text
assert log.contains('Recorded the baseline repro-baseline.json')
assert log.contains('Study study.yaml is valid: 1 datasets, 2 models, 0 tests, 1 tables')
assert log.contains('Wrote target/repro/results.json: 2 models, 0 tests')
assert log.contains('No drift:')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
def fe = results.models.fe
assert fe.nobs == 200
assert fe.groups == 10
// R plm: plm(inv ~ value + capital, data = Grunfeld, model = "within")
assert Math.abs(fe.coefficients.value.estimate - 0.1101238) < 1e-6
assert Math.abs(fe.coefficients.capital.estimate - 0.3100653) < 1e-6
assert new File(basedir, 'target/repro/tables/main.tex').isFile()
assert new File(basedir, 'target/repro/tables/main.html').isFile()
assert new File(basedir, 'repro-baseline.json').isFile()
return true
