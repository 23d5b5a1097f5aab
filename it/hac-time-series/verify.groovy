def log = new File(basedir, 'build.log').text
assert log.contains('Study study.yaml is valid: 1 datasets, 2 models, 0 tests, 1 tables')
assert log.contains('Wrote target/repro/results.json: 2 models, 0 tests')
assert log.contains('No drift:')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
def byRule = results.models.hac_default
def one = results.models.hac_one
// the default lag floor(4 (T/100)^(2/9)) is resolved and reported
assert byRule.vcov == 'hac(4)'
assert one.vcov == 'hac(1)'
// R (src/test/golden/linear/golden_hac.R): lm(log(consumption) ~ log(dpi) + tbill, USMacroG);
// sandwich::NeweyWest(fit, lag = 4, prewhite = FALSE, adjust = TRUE)
assert Math.abs(byRule.coefficients.'log(dpi)'.estimate - 1.0211943743258873) < 1e-9
assert Math.abs(byRule.coefficients.'log(dpi)'.stdError - 0.0072787461668681747) < 1e-9
// NeweyWest(fit, lag = 1, prewhite = FALSE, adjust = FALSE)
assert Math.abs(one.coefficients.'log(dpi)'.stdError - 0.0049482404258966066) < 1e-9
def tex = new File(basedir, 'target/repro/tables/main.tex').text
assert tex.contains('Newey-West (HAC) standard errors (Bartlett kernel, lag 4)')
assert tex.contains('Newey-West (HAC) standard errors (Bartlett kernel, lag 1)')
return true
