def log = new File(basedir, 'build.log').text
assert log.contains('The study and its data have mistakes (4 problems):')
assert log.contains("data/grunfeld.csv:4:4: column 'value': 'abc' is not a number; expected a number such as 1.5 (missing values are written as empty, NA or .)")
assert log.contains('data/grunfeld.csv:6: duplicate (firm, year) = (1, 1936), first seen on line 3')
assert log.contains("study.yaml:9:11: datasets.missing.file: file 'data/nope.csv' not found")
// a numeric column made text by two 'n/a' cells, used by two models: reported once, at its first text cell
assert log.contains('[ERROR]   data/gas.csv:4:4: column \'lrpmg\' is numeric except for \'n/a\' here (and 1 more cell: line 9); declare the text as missing (missing: ["", "NA", ".", "n/a"]) or fix the cells')
assert log.count("column 'lrpmg' is numeric except") == 1
assert !log.contains('is text, not numeric')
assert log.contains('BUILD FAILURE')
// a user mistake is no crash: no Java stack trace, and nothing half-written
assert !log.contains('Exception:')
assert !log.contains('\tat ')
assert !new File(basedir, 'target/repro/results.json').exists()
return true
