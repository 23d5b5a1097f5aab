def log = new File(basedir, 'build.log').text
// hostile inputs are located problems naming the fix (the unit tests cover each limit with its exact message)
assert log.contains("study.yaml:2:7: seed: expected a whole number, found the text '0x1F'; write numbers as plain decimals such as 31, 1000 or 0.5 (the YAML forms .nan, .inf, 0x1F, 0o17, 0b11 and 1_000 are not read)")
assert log.contains("data/grunfeld.csv:8:1: column 'firm': the id '02' reads as the same number as the id '2' on line 7, so the two would merge into one panel unit; write the ids the same way, or declare type: text for this column under datasets.grunfeld.columns to keep them apart")
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat ')
assert !log.contains('internal error')
assert !new File(basedir, 'target/repro/results.json').exists()
return true
