def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 8 : runs.size()
runs.each { assert it.contains('BUILD SUCCESS') }
def validateSkip = { s -> "Study ${s}: inputs unchanged since the last validation (plugin, study and data files): not reading the data again; -Drepro.force=true validates again" }
def stepSkip = { i, out -> "index[${i}] (derive -> ${out}): inputs and parameters unchanged since the last build; skipping; -Drepro.force=true builds it again" }
def skipEstimate = 'Results are up to date (plugin, study and data unchanged): skipping estimation; -Drepro.force=true reruns it'
def skipTables = 'Tables are up to date (results, study, templates and baseline unchanged): skipping rendering; -Drepro.force=true reruns it'

// 2: the baseline estimated and built the index: verify validates (first time), skips the steps and estimation, renders
assert runs[1].contains('Study study.yaml is valid')
assert runs[1].contains(stepSkip(0, 'derived')) && runs[1].contains(stepSkip(1, 'derived_b'))
assert runs[1].contains(skipEstimate)
assert runs[1].contains('Wrote 2 tables (tex, html, md, csv)')

// 3: nothing changed: no data read, every step, estimation and rendering skipped; check still compares
assert runs[2].contains(validateSkip('study.yaml'))
assert !runs[2].contains('Read data/')
assert runs[2].contains(stepSkip(0, 'derived')) && runs[2].contains(stepSkip(1, 'derived_b'))
assert runs[2].contains(skipEstimate) && runs[2].contains(skipTables)
assert !runs[2].contains('Built ')
assert runs[2].contains('Check is up to date (results.json, the baseline and the study unchanged since the last check, which'
        + ' passed): not compared again; -Drepro.force=true compares. It said:')
assert runs[2].contains('No drift: 124 values equal the baseline repro-baseline.json within relative 1.0E-6, absolute 1.0E-9')

// 4: -Drepro.force=true: everything again
assert runs[3].contains('Study study.yaml is valid')
assert runs[3].contains('Building every index step: repro.force is set')
assert runs[3].contains('Estimating every model, test and mediation analysis: repro.force is set')
assert runs[3].contains('Wrote target/repro/results.json: 4 models')
assert runs[3].contains('No drift: 124 values') && !runs[3].contains('Check is up to date')

// 5: one model's formula and the table's title: the index is not rebuilt, one model is estimated again
assert runs[4].contains(stepSkip(0, 'derived')) && runs[4].contains(stepSkip(1, 'derived_b'))
assert runs[4].contains('models.fe: formula changed; estimating it again')
assert runs[4].contains('Estimating 1 of 4 models, tests and mediation analyses again; 3 unchanged, taken from the last results')
// both tables show a model re-estimated (results.json changed); the main one's title changed too
assert runs[4].contains('tables.main: title changed, results changed, other study entries changed; rendering it again')
assert runs[4].contains('tables.fixed: results changed, other study entries changed; rendering it again')
assert runs[4].contains('Rendering 2 of 2 tables; 0 unchanged')
assert runs[4].contains('Wrote 2 tables (tex, html, md, csv)')

// 6: one raw file: the step reading it and the model on its output
assert runs[5].contains('index[1] (derive -> derived_b): input grunfeld_b changed; building it again')
assert runs[5].contains(stepSkip(0, 'derived'))
// the index goal builds only derived_b; estimate takes it from memory and loads derived from the cache: built once
def indexGoal = runs[5].substring(runs[5].indexOf(':index ('), runs[5].indexOf(':estimate ('))
assert indexGoal.contains('Built derived_b (derive, index[1])') && !indexGoal.contains('Built derived (')
assert runs[5].count('Built derived_b (derive, index[1])') == 1 && !runs[5].contains('Built derived (')
def estimateGoal = runs[5].substring(runs[5].indexOf(':estimate ('))
assert estimateGoal.contains('index[1] (derive -> derived_b): taken from memory (an earlier goal of this build made it from the same'
        + ' inputs and parameters): 200 rows')
assert estimateGoal.contains('index[0] (derive -> derived): loaded from target/repro/cache/derived.rcol (inputs and parameters'
        + ' unchanged since it was cached): 200 rows')
assert !estimateGoal.contains('index steps in memory')
assert runs[5].contains('models.sized: data changed; estimating it again')
assert runs[5].contains('Estimating 1 of 4 models, tests and mediation analyses again; 3 unchanged, taken from the last results')

// 7: -Drepro.hash=always hashes every file again and still finds nothing changed
assert runs[6].contains(validateSkip('study-data.yaml'))
assert runs[6].contains(skipEstimate) && runs[6].contains(skipTables)
assert !runs[6].contains('Read data/')
// 8: one table's title: nothing estimated, that table alone rendered again, the report rebuilt
assert runs[7].contains(stepSkip(0, 'derived')) && runs[7].contains(stepSkip(1, 'derived_b'))
assert runs[7].contains('Estimating 0 of 4 models, tests and mediation analyses again; 4 unchanged, taken from the last results')
assert runs[7].contains('tables.fixed: title changed; rendering it again')
assert !runs[7].contains('tables.main:')
assert runs[7].contains('Rendering 1 of 2 tables; 1 unchanged')
assert runs[7].contains('Wrote 1 table (tex, html, md, csv)')
assert new File(basedir, 'target/repro/tables/fixed.tex').text.contains('Within-firm estimates')
assert new File(basedir, 'target/repro/report/index.html').text.contains('Within-firm estimates')
return true
