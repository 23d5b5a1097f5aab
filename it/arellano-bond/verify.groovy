def log = new File(basedir, 'build.log').text
assert log.contains('Published table table4b (Arellano and Bond (1991), Table 4, column (b)): 8 of 8 cells reproduced, 0 differ, 0 differ in significance, 0 without a result')
assert log.contains('BUILD SUCCESS')
def report = new File(basedir, 'target/repro/published/table4b.md').text
assert report.contains('| `models.ab.coefficients.L(log(emp), 1).estimate` | 0.474 | 0.474 | reproduced |')
assert new File(basedir, 'target/repro/tables/table4.tex').isFile()
return true
