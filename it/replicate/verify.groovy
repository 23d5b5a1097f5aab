import java.nio.file.Files
import java.util.zip.ZipFile

def zipFile = new File(basedir, 'target/repro/replication-package.zip')
assert zipFile.isFile()

// unzips the package into a fresh folder, as a replicator would
def unzip = { String name ->
    def target = new File(basedir, 'target/' + name)
    def zip = new ZipFile(zipFile)
    zip.entries().each { e ->
        def out = new File(target, e.name)
        if (!e.directory) {
            out.parentFile.mkdirs()
            out.bytes = zip.getInputStream(e).bytes
        }
    }
    zip.close()
    return new File(target, 'replication-package')
}

// runs replicate.sh with only a JDK on the PATH, an empty HOME and, where possible, no network at all
def canUnshare = ['sh', '-c', 'command -v unshare >/dev/null && unshare -n true'].execute().waitFor() == 0
def replicate = { File pkg ->
    def home = Files.createTempDirectory('empty-home').toFile()
    def javaBin = new File(System.getProperty('java.home'), 'bin').path
    def command = canUnshare ? ['unshare', '-n', 'sh', 'replicate.sh'] : ['sh', 'replicate.sh']
    def pb = new ProcessBuilder(command).directory(pkg).redirectErrorStream(true)
    pb.environment().clear()
    pb.environment().putAll([HOME: home.path, PATH: javaBin + ':/usr/bin:/bin', JAVA_HOME: System.getProperty('java.home')])
    def p = pb.start()
    def output = p.inputStream.text
    def rc = p.waitFor()
    assert home.list().length == 0 : 'the replication wrote to HOME: ' + home.list()
    return [rc, output]
}

println "replicating offline (network namespace: ${canUnshare})"

// 1. the package as shipped: every table and figure reproduced exactly
def pkg = unzip('unzipped')
assert new File(pkg, 'maven/apache-maven-3.9.9/bin/mvn').isFile()
assert new File(pkg, 'repository/dev/repro/repro-maven-plugin').isDirectory()
def (rc, out) = replicate(pkg)
assert rc == 0 : out
assert out.contains('Table main: reproduced exactly') : out
def report = new File(pkg, 'REPLICATION-REPORT.md').text
assert report.contains('| Table main | reproduced exactly |')
assert report.contains('## Data availability')
assert report.contains('| data/grunfeld.csv |') && report.contains('| matches |')
assert report.contains('## Computing environment')
assert report.contains('| Apache Maven |') && report.contains('| 3.9.9 |')
assert report.contains('## Replication steps')
assert report.contains('| repro:estimate |')
assert !report.contains('| differs |')
assert new File(pkg, 'REPLICATION-REPORT.html').text.contains('<td>reproduced exactly</td>')

// 2. one shipped number altered by hand: the report names the cell and the build fails
def altered = unzip('altered')
def csv = new File(altered, 'output/tables/main.csv')
def lines = csv.readLines()
def row = lines.findIndexOf { it.startsWith('Market value,') }
assert row > 0 : lines
def cells = lines[row].split(',', -1)
def original = cells[1]
cells[1] = original.replaceFirst(/\d/, { d -> String.valueOf((d as int + 1) % 10) })
lines[row] = cells.join(',')
csv.text = lines.join('\r\n') + '\r\n'
def (rc2, out2) = replicate(altered)
assert rc2 != 0 : out2
def cell = "row 'Market value', column '" + lines[0].split(',', -1)[1] + "': shipped '" + cells[1] + "', rebuilt '" + original + "'"
assert out2.contains('output/tables/main.csv:' + (row + 1) + ':2') : out2
assert out2.contains(cell) : out2
def report2 = new File(altered, 'REPLICATION-REPORT.md').text
assert report2.contains('| Table main | differs | 1 cell differs |')
assert report2.contains('| output/tables/main.csv |') && report2.contains('| differs from the manifest |')
return true
