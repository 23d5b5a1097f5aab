def log = new File(basedir, 'build.log').text
assert log.contains('Study study.yaml is valid: 2 datasets, 2 models, 0 tests, 1 tables')
assert log.contains('No drift:')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
// R: plm(inv ~ value + capital, Grunfeld, index = c("firm", "year"), model = "within") (make-data.R)
for (m in [results.models.fe_dta, results.models.fe_xlsx]) {
    assert m.nobs == 200
    assert Math.abs(m.coefficients.value.estimate - 0.110123804120719) < 1e-9
    assert Math.abs(m.coefficients.capital.estimate - 0.310065341300139) < 1e-9
}
assert new File(basedir, 'target/repro/tables/main.tex').text.contains('0.110')
// the .dta's variable label of value is its display label; capital's comes from the study's labels:
def md = new File(basedir, 'target/repro/tables/main.md').text
assert md.contains('Market value') && md.contains('Stock of plant and equipment') && !md.contains('Capital stock')
return true
