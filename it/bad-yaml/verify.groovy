// A tab in the indentation of study.yaml is named at the tab itself, with the word "tab" and the fix
def log = new File(basedir, 'build.log').text
assert log.contains('The study file cannot be read (1 problem):')
assert log.contains('[ERROR]   study.yaml:9:1: YAML syntax error: a tab character in the indentation; YAML indents with spaces only: replace the tab with spaces')
assert !log.contains('while scanning for the next token')
assert log.contains('BUILD FAILURE')
assert !log.contains('\tat ')
assert !new File(basedir, 'target/repro/results.json').exists()
return true
