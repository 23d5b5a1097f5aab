def log = new File(basedir, 'build.log').text
// first invocation: the reference level 2015 is outside the sample year >= 2016
assert log.contains('study.yaml:10:14: models.event.formula: formula "y ~ i(year, treated, ref = 2015) + x | unit + year": the reference level 2015 of i(year, treated, ref = 2015) is not a value of year in the estimation sample at character 5; its values there are 2016, 2017, 2018, 2019')
assert !log.contains('\tat ')
// second: the region dummies are absorbed by the unit effect, named in a warning, never silently
assert log.contains('models.event: i(region): 3 levels north, south, west dropped, absorbed by the fixed effect \'unit\'')
assert log.contains('BUILD SUCCESS')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/repro/results.json'))
def event = results.models.event.coefficients
// lm with the event dummies and unit and year dummies (src/test/golden/formula-factors/golden.R)
assert Math.abs(event['i(year, treated, ref = 2015)::2018'].estimate - 0.52227596408498256) < 1e-8
assert !event.containsKey('i(year, treated, ref = 2015)::2015')
assert !event.containsKey('i(region)::north')
def dummies = results.models.dummies.coefficients
assert Math.abs(dummies['i(region)::north'].estimate - 0.27168717747890514) > 0
assert dummies.keySet().containsAll(['x', 'i(region)::north', 'i(region)::south', 'i(region)::west', 'z', 'x:z'])
def md = new File(basedir, 'target/repro/tables/main.md').text
assert md.contains('i(year, treated, ref = 2015)::2018')
// keep by glob and collapse: the event-study rows and x, the region dummies as one row (Yes where the model has one;
// the event model's were absorbed by the unit effect), the dependent mean and the units named after the panel id
def cmd = new File(basedir, 'target/repro/tables/collapsed.md').text
assert cmd.contains('| i(year, treated, ref = 2015)::2018 | 0.522\\* |  |')
assert !cmd.contains('i(region)::north') && !cmd.contains('| z |')
assert cmd.contains('| Region FE | No | Yes |')
assert cmd.contains('| Mean of dep. var. | 0.116 | 0.116 |')
assert cmd.contains('| Number of unit | 30 | 30 |')
assert Math.abs(results.models.event.depMean - results.models.dummies.depMean) < 1e-12
def y = new File(basedir, 'data/panel.csv').readLines().drop(1).collect { it.split(',') }
def header = new File(basedir, 'data/panel.csv').readLines()[0].split(',').collect { it.replace('"', '') }
def yi = header.indexOf('y')
def ys = y.collect { it[yi] }.findAll { it != '' && it != 'NA' }.collect { it as double }
assert ys.size() == 255 && Math.abs(results.models.dummies.depMean - ys.sum() / ys.size()) < 1e-12
return true
