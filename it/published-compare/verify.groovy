def log = new File(basedir, 'build.log').text
// graded, logged, never a failure
assert log.contains('Published table previous (Baltagi (2005), Table 2.1, altered: a previous version <draft>) graded partially reproduced:'
        + ' 4 same value at printed precision, 1 same sign and stars, 1 same sign, 1 differs, 0 no rebuilt value (of 7 cells);'
        + ' report target/repro/published/previous.md')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
def md = new File(basedir, 'target/repro/published/previous.md').text
assert md.contains('**partially reproduced**.')
assert md.contains('| `models.ols.coefficients.capital.estimate` | 0.200\\*\\*\\* | 0.231\\*\\*\\* | same sign and stars |')
assert md.contains('| `models.ols.coefficients.(Intercept).estimate` | 42.714 | -42.714\\*\\*\\* | differs |')
assert md.contains('| `models.ols.nobs` | 220 | 200 | same sign |')
assert md.contains('| `models.ols.coefficients.capital.stdError` | (0.025) | (0.025) | same value at printed precision |')
// the HTML report: the verdict on its first screen, paper and rebuilt side by side, the source escaped
def html = new File(basedir, 'target/repro/report/index.html').text
assert html.contains('<a class="pill" href="#published">Paper: 0 of 1 table reproduced, 1 partially reproduced, 0 not reproduced</a>')
assert html.contains('<td>42.714</td><td>-42.714***</td><td><span class="grade differs">differs</span></td>')
assert html.contains('Baltagi (2005), Table 2.1, altered: a previous version &lt;draft&gt;')
assert !html.contains('<draft>')
return true
