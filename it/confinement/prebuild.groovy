import java.nio.file.Files

// a file beside the project (outside it) and a link to it from inside the project
def outside = new File(basedir.parentFile, 'confinement-outside.csv')
outside.text = 'root:x:0:0:SECRET,line\n1,2\n'
def link = new File(basedir, 'data/linked.csv').toPath()
Files.deleteIfExists(link)
Files.createSymbolicLink(link, outside.toPath())
return true
