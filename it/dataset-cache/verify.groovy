def log = new File(basedir, 'build.log').text
def runs = log.split(/Scanning for projects\.\.\./).findAll { it.contains('BUILD') }
assert runs.size() == 4 : runs.size()
runs.each { assert it.contains('BUILD SUCCESS') }
def loaded = { i, kind, out -> "index[${i}] (${kind} -> ${out}): loaded from target/repro/cache/${out}.rcol (inputs and parameters unchanged since it was cached): 200 rows" }

// 1: the first build reads the file and builds the steps, and caches the datasets
assert runs[0].contains('datasets.grunfeld: reading data/grunfeld.csv (target/repro/cache/grunfeld.rcol: not in the cache)')
assert runs[0].contains('Read data/grunfeld.csv: 200 rows')
assert runs[0].contains('Built derived (derive, index[0])') && runs[0].contains('Built scored (entropy, index[1])')
['grunfeld', 'derived', 'scored'].each { assert new File(basedir, "target/repro/cache/${it}.rcol").isFile() }

// 2: one model edited: the data come from the cache, nothing is read or built, one model is estimated again
assert runs[1].contains('datasets.grunfeld: loaded from target/repro/cache/grunfeld.rcol (data/grunfeld.csv and its study entry'
        + ' unchanged since it was cached): 200 rows, 5 columns')
assert !runs[1].contains('Read data/')
assert !runs[1].contains('Built ')
assert !runs[1].contains('index steps in memory')
assert runs[1].contains(loaded(0, 'derive', 'derived')) && runs[1].contains(loaded(1, 'entropy', 'scored'))
assert runs[1].contains('models.fe: formula changed; estimating it again')
assert runs[1].contains('Estimating 1 of 3 models, tests and mediation analyses again; 2 unchanged, taken from the last results')

// 3: -Drepro.force=true reads and builds everything again
assert runs[2].contains('datasets.grunfeld: reading data/grunfeld.csv (repro.force is set: target/repro/cache is not used)')
assert runs[2].contains('Read data/grunfeld.csv: 200 rows')
assert runs[2].contains('Built derived (derive, index[0])') && runs[2].contains('Built scored (entropy, index[1])')

// 4: -Drepro.cache=false: said once, every file read, each step built once (by index; estimate takes it from memory),
// and the copies of run 3 neither loaded, written again nor removed
def off = 'repro.cache is false: datasets are read from their files and target/repro/cache is not written'
assert runs[3].count(off) == 1
assert runs[3].contains('Read data/grunfeld.csv: 200 rows')
assert !runs[3].contains('loaded from target/repro/cache')
assert runs[3].count('Built derived (derive, index[0])') == 1 && runs[3].count('Built scored (entropy, index[1])') == 1
assert runs[3].contains('index[1] (entropy -> scored): taken from memory (an earlier goal of this build made it from the same inputs'
        + ' and parameters): 200 rows')
def results = new File(basedir, 'target/repro/results.json').lastModified()
['grunfeld', 'derived', 'scored'].each {
    def copy = new File(basedir, "target/repro/cache/${it}.rcol")
    assert copy.isFile() && copy.lastModified() < results : it
}
return true
