def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('No drift:')
def t = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json')).tests
def close = { a, b, tol -> Math.abs(a - b) <= tol * Math.abs(b) }
// R plm 2.6.2: phtest(within, random) on inv ~ value + capital
assert close(t.haus.statistic, 2.330367, 1e-5)
assert t.haus.df == 2
assert close(t.haus.p, 0.3118654, 1e-5)
// purtest(inv, test = "levinlin", exo = "intercept", lags = 1)
assert close(t.llc.statistic, 2.015402, 1e-5)
assert close(t.llc.p, 0.9780687, 1e-5)
// pgrangertest(inv ~ value, order = 1): Z-bar tilde (default) and Z-bar
assert close(t.dh.zbarTilde, 3.2896, 1e-4)
assert close(t.dh.zbar, 4.522735, 1e-5)
assert t.fadf.statistic > 0 && t.fpp.statistic > 0
['ur', 'granger', 'spec'].each { assert new File(basedir, "target/repro/tables/${it}.tex").isFile() : it }
return true
