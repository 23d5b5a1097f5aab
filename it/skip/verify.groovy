def log = new File(basedir, 'build.log').text
['validate', 'index', 'estimate', 'tables', 'check'].each { goal ->
    assert log.contains("Skipping repro:${goal}: repro.skip is true")
}
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/repro/results.json').exists()
return true
