import java.util.zip.ZipFile
import java.security.MessageDigest

def a = new File(basedir, 'target/repro/replication-package.zip')
def b = new File(basedir, 'target/repro2/replication-package.zip')
assert a.isFile() && b.isFile()
assert a.bytes == b.bytes : 'two builds must give byte-identical archives'

def zip = new ZipFile(a)
def names = zip.entries().collect { it.name }
assert names == names.toSorted()
['README.md', 'manifest-sha256.txt', 'pom.xml', 'study.yaml', 'repro-baseline.json', 'data/grunfeld.csv',
 'output/results.json', 'output/tables/main.tex', 'output/tables/main.html', 'output/report/index.html'].each {
    assert names.contains('replication-package/' + it) : it
}
// every manifest line is the SHA-256 of the entry it names
def manifest = zip.getInputStream(zip.getEntry('replication-package/manifest-sha256.txt')).text
def lines = manifest.readLines()
assert lines.size() == names.size() - 1
lines.each { line ->
    def (sha, path) = line.split('  ', 2)
    def bytes = zip.getInputStream(zip.getEntry('replication-package/' + path)).bytes
    assert MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString() == sha : path
}
def readme = zip.getInputStream(zip.getEntry('replication-package/README.md')).text
assert readme.contains('## Data Availability and Provenance Statements')
assert readme.contains('Grunfeld (1958), as distributed with the R package plm')
assert readme.contains('## Computational requirements')
assert readme.contains('com.fasterxml.jackson.core:jackson-databind:')
assert readme.contains("Every random draw derives from the study's seed 20250521")
assert readme.contains('## Instructions to replicators')
assert readme.contains('| Table main | `tables.main` |')
// the README names the SHA-256 of the plugin jar that built the package: the installed, reproducible jar
def jarSha = (readme =~ /repro-maven-plugin: \S+ \(jar SHA-256 `([0-9a-f]{64})`\)/)[0][1]
def installed = []
new File(localRepositoryPath, 'dev/repro/repro-maven-plugin').eachFileRecurse { if (it.name.endsWith('.jar')) installed << it }
assert installed.any { MessageDigest.getInstance('SHA-256').digest(it.bytes).encodeHex().toString() == jarSha } : jarSha
def log = new File(basedir, 'build.log').text
assert log.count('Wrote target/repro/replication-package.zip') == 1
assert log.count('Wrote target/repro2/replication-package.zip') == 1
return true
