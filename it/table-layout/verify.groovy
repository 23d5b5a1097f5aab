// Every table fits the page by itself; landscape and fontSize are written into the LaTeX (docs/tables.md)
def log = new File(basedir, 'build.log').text
assert log.contains('Study study.yaml is valid: 1 datasets, 2 models, 0 tests, 3 tables')
assert log.contains('BUILD SUCCESS')
def tex = { id -> new File(basedir, "target/repro/tables/${id}.tex").text }
def fits = tex('fits')
assert fits.contains('\\begin{table}[htbp]')
assert fits.contains('\\reproFit{}{0}\\reproFit{\\small}{0}\\reproFit{\\footnotesize\\setlength{\\tabcolsep}{4pt}}{0}\\reproFit{\\scriptsize\\setlength{\\tabcolsep}{2pt}}{1}%')
assert fits.contains('\\reproText{Market value of the firm at the end of the previous year, in millions of 1947 dollars}')
def sideways = tex('sideways')
assert sideways.contains('\\begin{sidewaystable}') && sideways.contains('\\end{sidewaystable}')
assert sideways.contains('Preamble: \\usepackage{booktabs}, \\usepackage{threeparttable}, \\usepackage{rotating}')
def small = tex('small')
assert small.contains('\\reproFit{\\small}{1}%') && !small.contains('\\reproFit{}{0}')
// the HTML page scrolls a wide table sideways instead of cutting it off
assert new File(basedir, 'target/repro/tables/sideways.html').text.contains('<div class="table-scroll">')
return true
