def log = new File(basedir, 'build.log').text
assert log.contains('Published table baltagi21 (Baltagi (2005), Econometric Analysis of Panel Data, 3rd ed., Table 2.1): 11 of 11 cells reproduced, 0 differ, 0 differ in significance, 0 without a result')
assert log.contains('BUILD SUCCESS')
def report = new File(basedir, 'target/repro/published/baltagi21.md').text
assert report.contains('| `models.within.coefficients.value.estimate` | 0.110 | 0.110 | reproduced |')
return true
