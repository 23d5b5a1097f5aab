def log = new File(basedir, 'build.log').text
assert log.contains('Study study.yaml is valid: 1 datasets, 3 models, 0 tests, 1 tables')
assert log.contains('Wrote target/repro/results.json: 3 models, 0 tests')
assert log.contains('No drift:')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
def dk = results.models.twfe_dk
def nw = results.models.pooled_nw
// the default lag is resolved and reported
assert dk.vcov == 'dk(2)'
assert nw.vcov == 'nw(2)'
// R: plm(inv ~ value + capital, Grunfeld, model = "within", effect = "twoways"); coeftest(fit, vcov = vcovSCC)
assert Math.abs(dk.coefficients.value.estimate - 0.11771585508260646) < 1e-9
assert Math.abs(dk.coefficients.value.stdError - 0.020436322948013338) < 1e-9
// R: plm(..., model = "pooling"); coeftest(fit, vcov = function(m) vcovNW(m, maxlag = 2))
assert Math.abs(nw.coefficients.value.stdError - 0.0097391550110126224) < 1e-9
// R: lm(inv ~ value + capital + factor(firm), weights = w) with sandwich::vcovCL and Stata's factor (golden_weights.R)
def fw = results.models.fe_weighted
assert Math.abs(fw.coefficients.value.estimate - 0.1093081255702901) < 1e-9
assert Math.abs(fw.coefficients.value.stdError - 0.011553598142475073) < 1e-9
def tex = new File(basedir, 'target/repro/tables/main.tex').text
assert tex.contains('Driscoll-Kraay standard errors (Bartlett kernel, lag 2)')
assert tex.contains('panel Newey-West standard errors (Bartlett kernel, lag 2)')
// the weighted column is named in the note, and results.json says by which column
assert fw.info.weights == 'w'
assert tex.contains('Weighted least squares with weights')
assert tex.contains(' in (3).')
return true
