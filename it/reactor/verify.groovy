def log = new File(basedir, 'build.log').text
// invocation 3 ran the three modules on three threads
assert log.contains('Using the MultiThreadedBuilder implementation with a thread count of 3')
assert log.count('BUILD SUCCESS') == 3
// the aggregator is no study: the command-line goal skipped it, the modules recorded their baselines
assert log.count('Skipping repro:baseline: repro.skip is true') == 1
assert log.count('Recorded the baseline repro-baseline.json') == 3
// each build reads each study once: the goals of a module share it through the project, modules never do
assert log.count('Study study.yaml is valid: 1 datasets, 2 models, 0 tests, 1 tables, 0 figures') == 6
assert log.count('Study study.yaml is valid: 1 datasets, 2 models, 0 tests, 2 tables, 0 figures') == 3
assert log.count('Wrote target/serial/results.json: 2 models, 0 tests') == 3
assert log.count('Wrote target/repro/results.json: 2 models, 0 tests') == 3
assert log.count('Wrote target/repro/results.json: 2 models, 0 tests, 1 mediation analyses') == 1
assert log.count('No drift:') == 6

// every output of the parallel build (results, tables, report, fingerprints, state) has the bytes of the serial
// one; only the wall times and the file stamps may differ
['grunfeld', 'empl', 'produc'].each { module ->
    def serial = new File(basedir, "${module}/target/serial")
    def parallel = new File(basedir, "${module}/target/repro")
    def files = { File root ->
        def out = []
        root.eachFileRecurse(groovy.io.FileType.FILES) { f ->
            def rel = root.toPath().relativize(f.toPath()).toString().replace('\\', '/')
            // wall times, the file stamps and the no-op records (absolute paths, hashing times) belong to the machine,
            // not the study
            if (rel != 'timings.json' && rel != 'state/files.tsv' && !(rel ==~ /state\/noop-\w+\.tsv/)) {
                out << rel
            }
        }
        out.sort()
    }
    def names = files(serial)
    assert names.contains('results.json')
    assert names.count { it.startsWith('tables/') } >= 4
    assert files(parallel) == names : "${module}: the two builds wrote different files"
    names.each { rel ->
        assert Arrays.equals(new File(serial, rel).bytes, new File(parallel, rel).bytes) :
                "${module}/${rel} differs between the serial and the parallel build"
    }
}
return true
