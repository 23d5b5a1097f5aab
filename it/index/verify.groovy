def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
['derived', 'composite', 'stocks', 'analysis'].each {
    assert new File(basedir, "target/repro/data/${it}.csv").isFile() : it
    assert new File(basedir, "target/repro/data/${it}.manifest.json").isFile() : it
}
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
assert results.models.fe.nobs == 200
assert results.index.composite.tables.weights.size() == 2
def w = results.index.composite.tables.weights.collect { it.weight }
assert Math.abs(w.sum() - 1.0) < 1e-12
assert new File(basedir, 'target/repro/tables/weights.tex').isFile()
assert log.contains('No drift:')
return true
