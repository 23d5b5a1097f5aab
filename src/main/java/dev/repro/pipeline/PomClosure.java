package dev.repro.pipeline;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The poms Maven reads to resolve a set of artifacts offline: each artifact's own pom, its parents, and every
 * BOM a pom of that chain imports ({@code <scope>import</scope>}), and their parents in turn. Maven builds
 * the effective model of each dependency from exactly these, so a repository holding them and the jars
 * resolves the plugin without a network.
 */
final class PomClosure {
    /** A Maven coordinate; the extension is jar, pom or zip. */
    record Gav(String groupId, String artifactId, String version) {
        String path(String classifier, String extension) {
            return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version
                    + (classifier == null || classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
        }

        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    /** Finds the pom file of a coordinate (Maven's resolver in the goal, a folder in tests). */
    interface PomSource {
        Path pom(Gav gav) throws IOException;
    }

    private static final Pattern HTML_ENTITY = Pattern.compile("&(?!(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)[A-Za-z][A-Za-z0-9]*;");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private PomClosure() {
    }

    /** Coordinate to pom file, sorted by repository path, for the given artifacts. */
    static TreeMap<String, Path> of(List<Gav> roots, PomSource source) throws IOException {
        TreeMap<String, Path> poms = new TreeMap<>();
        Deque<Gav> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Gav gav = todo.pop();
            String key = gav.path(null, "pom");
            if (poms.containsKey(key)) {
                continue;
            }
            Path pom = source.pom(gav);
            poms.put(key, pom);
            Pom model = read(pom);
            if (model.parent != null) {
                todo.push(model.parent);
            }
            Map<String, String> properties = properties(model, source);
            for (String[] bom : model.imports) {
                todo.push(new Gav(interpolate(bom[0], properties), interpolate(bom[1], properties),
                        interpolate(bom[2], properties)));
            }
        }
        return poms;
    }

    /** The properties a pom's ${...} references see: its parents' first, its own overriding them. */
    private static Map<String, String> properties(Pom model, PomSource source) throws IOException {
        Deque<Pom> chain = new ArrayDeque<>();
        for (Pom p = model; p != null; p = p.parent == null ? null : read(source.pom(p.parent))) {
            chain.push(p);
        }
        Map<String, String> props = new HashMap<>();
        for (Pom p : chain) {
            props.putAll(p.properties);
        }
        props.put("project.version", model.version);
        props.put("project.groupId", model.groupId);
        if (model.parent != null) {
            props.put("project.parent.version", model.parent.version());
        }
        return props;
    }

    static String interpolate(String text, Map<String, String> properties) {
        String now = text;
        for (int round = 0; round < 10 && now.contains("${"); round++) {
            Matcher m = PROPERTY.matcher(now);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = properties.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
            }
            m.appendTail(out);
            if (out.toString().equals(now)) {
                break;
            }
            now = out.toString();
        }
        return now;
    }

    /** The parts of a pom that decide which other poms Maven reads. */
    private record Pom(String groupId, String version, Gav parent, Map<String, String> properties, List<String[]> imports) {
    }

    private static Pom read(Path file) throws IOException {
        Document doc;
        // old poms use HTML entities (&oslash;) that Maven's lenient parser accepts and XML does not
        String text = HTML_ENTITY.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("?");
        try {
            doc = builder().parse(new InputSource(new StringReader(text)));
        } catch (SAXException e) {
            throw new IOException("cannot read the pom " + file + ": " + e.getMessage(), e);
        }
        Element project = doc.getDocumentElement();
        Element parentEl = child(project, "parent");
        Gav parent = parentEl == null ? null
                : new Gav(text(parentEl, "groupId"), text(parentEl, "artifactId"), text(parentEl, "version"));
        String groupId = text(project, "groupId") != null ? text(project, "groupId") : parent == null ? "" : parent.groupId();
        String version = text(project, "version") != null ? text(project, "version") : parent == null ? "" : parent.version();
        Map<String, String> properties = new HashMap<>();
        Element propsEl = child(project, "properties");
        if (propsEl != null) {
            for (Element p : children(propsEl)) {
                properties.put(p.getTagName(), p.getTextContent().trim());
            }
        }
        List<String[]> imports = new ArrayList<>();
        Element mgmt = child(project, "dependencyManagement");
        Element deps = mgmt == null ? null : child(mgmt, "dependencies");
        if (deps != null) {
            for (Element d : children(deps)) {
                if ("import".equals(text(d, "scope")) && "pom".equals(text(d, "type"))) {
                    imports.add(new String[] {text(d, "groupId"), text(d, "artifactId"), text(d, "version")});
                }
            }
        }
        return new Pom(groupId, version, parent, properties, imports);
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
