// Every panel test type through mvn verify; expected values from R (src/test/golden/paneltest/golden.R):
// plm phtest, purtest(levinlin, ips), pgrangertest; Stata-convention Fisher ADF/PP with MacKinnon (1994) p-values
def log = new File(basedir, 'build.log').text
assert log.contains('Recorded the baseline repro-baseline.json')
assert log.contains('Study study.yaml is valid: 1 datasets, 0 models, 6 tests, 3 tables')
assert log.contains('Wrote target/repro/results.json: 0 models, 6 tests')
assert log.contains('No drift:')
assert log.contains('BUILD SUCCESS')
def t = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json')).tests
def close = { actual, expected -> Math.abs(actual - expected) <= 1e-8 * Math.abs(expected) }
assert close(t.haus.statistic, 2.3303668936754631)
assert t.haus.df == 2
assert close(t.haus.p, 0.31186544605488559)
assert close(t.llc.statistic, 2.0154020541064877)
assert close(t.llc.p, 0.97806873030461716)
assert t.llc.lags == 1
assert close(t.fadf.statistic, 13.872992529799685)
assert close(t.fadf.p, 0.83687665693253632)
assert close(t.fadf.z, 2.2980909431535421)
assert close(t.fadf.lstar, 2.7759418227772383)
assert close(t.fadf.pm, -0.96876494233496147)
assert close(t.fpp.statistic, 13.084416994760348)
assert close(t.ips.statistic, -2.6180071297144809)
assert close(t.dh.wbar, 3.0226286440131029)
assert close(t.dh.zbar, 4.5227351412515215)
assert close(t.dh.zbarTilde, 3.28960012702293)
assert t.dh.cause == 'value' && t.dh.effect == 'inv' && t.dh.lags == 1
def granger = new File(basedir, 'target/repro/tables/granger.html').text
assert granger.contains('Market value does not Granger-cause Investment')
assert new File(basedir, 'target/repro/tables/unitroot.tex').isFile()
assert new File(basedir, 'target/repro/tables/spec.md').isFile()
return true
