import java.util.jar.JarFile
import javax.xml.parsers.DocumentBuilderFactory

def xml = { File f -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f).documentElement }
def version = xml(new File(basedir, 'pom.xml')).getElementsByTagName('repro.pluginVersion').item(0).textContent.trim()
def dir = new File(localRepositoryPath, "dev/repro/repro-maven-plugin/$version")
def jarFile = new File(dir, "repro-maven-plugin-${version}.jar")
def pomFile = new File(dir, "repro-maven-plugin-${version}.pom")
assert jarFile.isFile() && pomFile.isFile()

// 1. Maven loaded the plugin from one jar: its class realm includes nothing else
def log = new File(basedir, 'build.log').readLines()
def start = log.findIndexOf { it.contains("Populating class realm plugin>dev.repro:repro-maven-plugin:$version") }
assert start >= 0 : 'no class realm line in the debug log'
// (Maven before 3.9 adds plexus-utils 1.1 to every plugin that does not depend on it, as for Maven 2 plugins)
def included = log.drop(start + 1).takeWhile { it.contains('Included: ') }
        .findAll { !it.contains('org.codehaus.plexus:plexus-utils:jar:1.1') }
assert included.size() == 1 : included
assert included[0].contains("dev.repro:repro-maven-plugin:jar:$version")
assert log.any { it.contains('repro:package') } : 'the help goal lists the goals'

// 2. the installed POM declares no runtime dependency and imports no BOM (Maven would read each on every run)
def pom = xml(pomFile)
def child = { node, String name -> node.childNodes.findAll { it.nodeName == name } }
def declared = child(pom, 'dependencies').collectMany { child(it, 'dependency') }
def runtime = declared.findAll { d -> !(child(d, 'scope').collect { it.textContent.trim() } in [['provided'], ['test']]) }
assert runtime.isEmpty() : runtime.collect { child(it, 'artifactId')[0].textContent }
assert declared.size() > 0 : 'the POM keeps its provided and test dependencies'
assert child(pom, 'dependencyManagement').isEmpty()

// 3. the jar: every class is the plugin's own or relocated under dev/repro/shaded, the versioned ones too
def jar = new JarFile(jarFile)
def names = jar.entries().collect { it.name }
def classes = names.findAll { it.endsWith('.class') }
def stray = classes.findAll { !(it.startsWith('dev/repro/') || it ==~ /META-INF\/versions\/\d+\/dev\/repro\/shaded\/.*/) }
assert stray.isEmpty() : stray.take(10)
assert classes.any { it.startsWith('dev/repro/shaded/com/fasterxml/jackson/databind/') }
assert classes.any { it.startsWith('dev/repro/shaded/freemarker/template/') }
assert jar.manifest.mainAttributes.getValue('Multi-Release') == 'true'
// every service a bundled library declares names a class inside the jar
names.findAll { it.startsWith('META-INF/services/') && !it.endsWith('/') }.each { service ->
    jar.getInputStream(jar.getEntry(service)).text.readLines()*.trim().findAll { it && !it.startsWith('#') }.each { impl ->
        assert names.contains(impl.replace('.', '/') + '.class') : "$service names $impl, which is not in the jar"
    }
}

// 4. licences: the Apache License, the libraries' NOTICE files, and every bundled library named with its licence
assert names.containsAll(['META-INF/LICENSE', 'META-INF/NOTICE', 'META-INF/NOTICE.txt', 'META-INF/THIRD-PARTY.txt'])
assert jar.getInputStream(jar.getEntry('META-INF/LICENSE')).text.contains('Apache License')
def thirdParty = jar.getInputStream(jar.getEntry('META-INF/THIRD-PARTY.txt')).text
// the libraries, as the plugin's descriptor lists them (plugin.xml is written before they are bundled)
def descriptor = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(jar.getInputStream(jar.getEntry('META-INF/maven/plugin.xml'))).documentElement
def libraries = child(descriptor, 'dependencies').collectMany { child(it, 'dependency') }.collect { d ->
    ['groupId', 'artifactId', 'version'].collect { child(d, it)[0].textContent.trim() }.join(':')
}
assert libraries.size() == 14 : libraries
libraries.each { gav -> assert thirdParty.contains(gav + ' ') : "META-INF/THIRD-PARTY.txt does not name $gav" }
// each bundled library's own Maven metadata stays in the jar (FreeMarker's jar has none)
names.findAll { it ==~ /META-INF\/maven\/[^\/]+\/[^\/]+\/pom\.properties/ && !it.contains('/dev.repro/') }.each { entry ->
    def p = new Properties()
    jar.getInputStream(jar.getEntry(entry)).withStream { p.load(it) }
    assert libraries.contains("${p.groupId}:${p.artifactId}:${p.version}".toString()) : entry
}
jar.close()
return true
