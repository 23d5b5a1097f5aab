package dev.repro.study;

import dev.repro.config.Fields;
import dev.repro.config.Node;
import dev.repro.diag.Problems;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code tests:} section as the study knows it: the test's {@code type}, its {@code dataset} and
 * {@code sample}. The type's own keys are parsed, with their positions, by the test kind registered for the type
 * (at validate, from the entry's node kept in the {@link TestSpec}), so that a new kind needs no change here.
 */
final class TestsParser extends SectionParser {
    static final String[] TEST_COMMON_KEYS = {"type", "dataset", "sample"};

    TestsParser(String source, Problems problems) {
        super(source, problems);
    }

    TestSpec test(String name, Node node, Map<String, DatasetSpec> datasets) {
        Fields f = Fields.of(node, source, problems, "a test with 'type' and 'dataset'", TEST_COMMON_KEYS);
        if (f == null) {
            return null;
        }
        // the kind checks the type's word (and reports it missing) against its registry
        Node typeNode = node.get("type");
        String type = typeNode != null && typeNode.isScalar() && !typeNode.isNull() ? typeNode.text() : null;
        String dataset = datasetRef(f, datasets);
        Map<String, Object> options = new LinkedHashMap<>();
        put(options, "sample", f.string("sample", false, null));
        if (dataset == null) {
            return null;
        }
        return new TestSpec(name, type, dataset, options, node.at(source), locations(node), node);
    }
}
