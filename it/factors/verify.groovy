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
return true
