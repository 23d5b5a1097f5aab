import java.nio.file.Files
import java.util.zip.ZipFile

def buildLog = new File(basedir, 'build.log').text
assert buildLog.contains('Wrote target/repro/replication-package.zip')

def zipFile = new File(basedir, 'target/repro/replication-package.zip')
def zip = new ZipFile(zipFile)
def names = zip.entries().collect { it.name }
// the restricted file stays out; its name and SHA-256 go in
assert !names.contains('replication-package/data/secret.csv')
assert names.contains('replication-package/data/grunfeld.csv')
def listed = zip.getInputStream(zip.getEntry('replication-package/restricted-data.csv')).text
assert listed.startsWith('file,sha256,rows\ndata/secret.csv,')
def script = zip.getInputStream(zip.getEntry('replication-package/replicate.sh')).text
assert script.contains(' -Drepro.replication=true verify repro:replicate')
zip.close()

def unzip = { String name ->
    def target = new File(basedir, 'target/' + name)
    def z = new ZipFile(zipFile)
    z.entries().each { e ->
        def out = new File(target, e.name)
        if (!e.directory) {
            out.parentFile.mkdirs()
            out.bytes = z.getInputStream(e).bytes
        }
    }
    z.close()
    return new File(target, 'replication-package')
}

// replicate.sh with only a JDK on the PATH, an empty HOME and, where possible, no network at all
def canUnshare = ['sh', '-c', 'command -v unshare >/dev/null && unshare -n true'].execute().waitFor() == 0
def replicate = { File pkg, String logName ->
    def home = Files.createTempDirectory('empty-home').toFile()
    def javaBin = new File(System.getProperty('java.home'), 'bin').path
    def command = canUnshare ? ['unshare', '-n', 'sh', 'replicate.sh'] : ['sh', 'replicate.sh']
    def pb = new ProcessBuilder(command).directory(pkg).redirectErrorStream(true)
    pb.environment().clear()
    pb.environment().putAll([HOME: home.path, PATH: javaBin + ':/usr/bin:/bin', JAVA_HOME: System.getProperty('java.home')])
    def p = pb.start()
    def output = p.inputStream.text
    def rc = p.waitFor()
    new File(basedir, logName).text = output // kept beside build.log for a failing run
    assert home.list().length == 0 : 'the replication wrote to HOME: ' + home.list()
    return [rc, output]
}
println "replicating offline (network namespace: ${canUnshare})"

def why = 'restricted data missing: data/secret.csv'
def pkg = unzip('unzipped')

// 1. without the restricted file: what depends on it is skipped with its reason, the rest is rebuilt and checked
def (rc, out) = replicate(pkg, 'replicate-without.log')
assert rc == 0 : out
['Skipping dataset secret: ' + why, 'Skipping index step joined: ' + why, 'Skipping model with_rd: ' + why,
 'Skipping table rd: ' + why, 'Skipping table secret_stats: ' + why, 'Skipping figure rd_coef: ' + why,
 'Table main: reproduced exactly', 'Table rd: not checked (' + why + ')', 'Table secret_stats: not checked (' + why + ')',
 'Figure value_trend: reproduced exactly', 'Figure rd_coef: not checked (' + why + ')'].each {
    assert out.contains(it) : it + '\n' + out
}
assert out.contains('values that depend on missing restricted data (data/secret.csv)') : out
def report = new File(pkg, 'REPLICATION-REPORT.md').text
assert report.contains('| Table main | reproduced exactly |')
assert report.contains('| Table rd | not checked | ' + why + ' |')
assert report.contains('| Table secret\\_stats | not checked | ' + why + ' |')
assert report.contains('| Figure rd\\_coef | not checked | ' + why + ' |')
assert report.contains('| data/secret.csv |') && report.contains('restricted: not supplied by the replicator')
assert new File(pkg, 'REPLICATION-REPORT.html').text.contains('<td>Table rd</td><td>not checked</td><td>' + why + '</td>')
// the published values: each cell with the published comparison's verdict, escaped
assert report.contains('## Published values')
assert report.contains('| models.pooled.coefficients.value.estimate | 0.116 | 0.116 | reproduced |')
assert report.contains('| models.with\\_rd.coefficients.rd.estimate | 9.999 |  | not checked (' + why + ') |')
assert new File(pkg, 'REPLICATION-REPORT.html').text.contains('Published table paper (A &lt;b&gt;working paper&lt;/b&gt; | Table *1*)')

// 2. a file that is not the one the package was built from: a located error, no report
new File(pkg, 'data/secret.csv').text = 'firm,year,rd\n1,1935,1\n'
def (rc2, out2) = replicate(pkg, 'replicate-wrong.log')
assert rc2 != 0 : out2
assert out2.contains('restricted-data.csv:2:2: data/secret.csv has SHA-256 ') : out2
assert out2.contains('the supplied file is not the one the package was built from') : out2

// 3. the original file placed in data/: everything is checked
new File(pkg, 'data/secret.csv').bytes = new File(basedir, 'data/secret.csv').bytes
def (rc3, out3) = replicate(pkg, 'replicate-with.log')
assert rc3 == 0 : out3
assert !out3.contains('Skipping') : out3
def report3 = new File(pkg, 'REPLICATION-REPORT.md').text
assert report3.contains('| Table rd | reproduced exactly |')
assert report3.contains('| Table secret\\_stats | reproduced exactly |')
assert report3.contains('| Figure rd\\_coef | reproduced exactly |')
assert report3.contains('restricted: matches')
assert !report3.contains('not checked')
assert report3.contains('| models.with\\_rd.coefficients.rd.estimate | 9.999 | ')
assert report3.contains(' | differs |')
return true
