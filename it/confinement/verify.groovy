def log = new File(basedir, 'build.log').text
def outside = new File(basedir.parentFile, 'confinement-outside.csv').canonicalPath
def fix = { name -> "; move the file into the project folder and name it relative to it (e.g. file: data/${name}.csv), or, to read" +
        " it from where it is, add external: true to dataset '${name}' (the replication package then holds a copy under data/external/)" }
assert log.contains('The study file has mistakes (2 problems):')
assert log.contains("study.yaml:8:11: datasets.outside.file: '../confinement-outside.csv' leaves the project folder" + fix('outside'))
assert log.contains("study.yaml:10:11: datasets.linked.file: 'data/linked.csv' is, or lies in, a symbolic link to '" + outside +
        "', outside the project folder" + fix('linked'))
assert log.contains('BUILD FAILURE')
// nothing of the outside file reaches the log, and a user mistake is no crash
assert !log.contains('SECRET')
assert !log.contains('Exception:')
assert !log.contains('\tat ')
assert !new File(basedir, 'target/repro/results.json').exists()
return true
