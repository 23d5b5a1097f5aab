package dev.repro;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin's packages form layers without cycles (docs/architecture.md). Two rules: no cycle between any two
 * packages at any depth, and a package uses only its own layer and the layers below it. The order of
 * {@link #LAYERS} is the architecture; a new package must find its place there or the test fails.
 */
class ArchitectureTest {
    /**
     * Bottom to top. {@code index.api} holds what step kinds share, {@code index.*} is one package per step
     * kind, {@code index} the plan, parser, runner and the registry of kinds.
     */
    static final List<String> LAYERS = List.of("diag", "io", "config", "numeric", "data", "formula", "estimate",
            "results", "index.api", "index.*", "index", "study", "drift", "report", "pipeline", "maven");

    private static final String ROOT = "dev.repro";
    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The layer of a package under dev.repro, or null for a package the architecture does not name. */
    static String layerOf(String pkg) {
        if (!pkg.startsWith(ROOT + ".")) {
            return null;
        }
        String rel = pkg.substring(ROOT.length() + 1);
        if (rel.equals("index.api") || rel.startsWith("index.api.")) {
            return "index.api";
        }
        if (rel.startsWith("index.")) {
            return "index.*";
        }
        String top = rel.contains(".") ? rel.substring(0, rel.indexOf('.')) : rel;
        return LAYERS.contains(top) ? top : null;
    }

    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    static ArchRule layered() {
        return ArchRuleDefinition.classes().that().resideInAPackage(ROOT + "..")
                .should(new ArchCondition<JavaClass>("use only their own layer and the layers below it") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String from = layerOf(item.getPackageName());
                        if (from == null) {
                            events.add(SimpleConditionEvent.violated(item, item.getName() + " is in package "
                                    + item.getPackageName() + ", which has no layer: add it to ArchitectureTest.LAYERS"));
                            return;
                        }
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            String to = layerOf(d.getTargetClass().getPackageName());
                            if (to != null && LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
                                events.add(SimpleConditionEvent.violated(d, from + " -> " + to + ": " + d.getDescription()));
                            }
                        }
                    }
                });
    }

    @Test
    void noPackageCycleAtAnyDepth() {
        noCycles(ROOT).check(PLUGIN);
    }

    @Test
    void eachPackageUsesOnlyItsLayerAndTheLayersBelow() {
        layered().check(PLUGIN);
    }

    @Test
    void theCycleRuleFailsOnACycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".archfixture");
        AssertionError e = assertThrows(AssertionError.class, () -> noCycles(ROOT + ".archfixture").check(fixture));
        assertTrue(e.getMessage().contains("Cycle detected"), e.getMessage());
    }

    @Test
    void theLayerRuleFailsOnAnUpwardUse() {
        assertEquals("index.api", layerOf("dev.repro.index.api"));
        assertEquals("index.*", layerOf("dev.repro.index.carbon"));
        assertEquals("estimate", layerOf("dev.repro.estimate.linear"));
        assertEquals(null, layerOf("dev.repro.archfixture.a"));
        JavaClasses upward = new ClassFileImporter().importPackages(ROOT + ".diag"); // with the test fixture UpwardUseFixture
        AssertionError e = assertThrows(AssertionError.class, () -> layered().check(upward));
        assertTrue(e.getMessage().contains("diag -> results"), e.getMessage());
        // a package the architecture does not name is refused too, not passed silently
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".archfixture");
        AssertionError unnamed = assertThrows(AssertionError.class, () -> layered().check(fixture));
        assertTrue(unnamed.getMessage().contains("which has no layer"), unnamed.getMessage());
    }

    @Test
    void everyPackageSaysWhatItHolds() throws IOException {
        List<String> missing = new ArrayList<>();
        Path main = Path.of("src", "main", "java");
        try (Stream<Path> dirs = Files.walk(main)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> files = Files.list(dir)) {
                    hasJava = files.anyMatch(f -> f.toString().endsWith(".java"));
                }
                if (hasJava && !Files.isRegularFile(dir.resolve("package-info.java"))) {
                    missing.add(main.relativize(dir).toString().replace('\\', '.').replace('/', '.'));
                }
            }
        }
        assertEquals(List.of(), missing, "packages without a package-info.java");
    }
}
