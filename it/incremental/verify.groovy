def log = new File(basedir, 'build.log').text
def skipEstimate = 'Results are up to date (plugin, study and data unchanged): skipping estimation; -Drepro.force=true reruns it'
def skipTables = 'Tables are up to date (results, study, templates and baseline unchanged): skipping rendering; -Drepro.force=true reruns it'
// invocations 2 and 3 skip estimation (the baseline run estimated), invocation 3 also skips rendering
assert log.count(skipEstimate) == 2
assert log.count(skipTables) == 1
// 1 baseline + 1 forced run estimate; 2 + 4 render
assert log.count('Wrote target/repro/results.json') == 2
assert log.count('Wrote 1 table (tex, html, md, csv)') == 2
assert log.count('No drift:') == 3
return true
