package dev.repro.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CI recipes of docs/ci.md are committed as files under docs/ci/; this test parses them as YAML and checks
 * what the page promises (the command, the cached repository, the JUnit report, the artefacts), and that the
 * page shows the files verbatim, so neither can rot silently.
 */
class CiRecipesTest {
    private static final Path DOCS = Path.of("docs");
    private static final String COMMAND = "mvn -B verify repro:package";
    private static final String JUNIT = "target/repro/junit/*.xml";
    private static final List<String> ARTEFACTS = List.of("target/repro/report/", "target/repro/tables/",
            "target/repro/results.json", "target/repro/replication-package.zip");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void githubActionsRecipe() throws IOException {
        JsonNode workflow = YAML.readTree(read("ci/github-actions.yml"));
        assertTrue(workflow.path("on").has("push") && workflow.path("on").has("pull_request"), "runs on push and pull requests");
        JsonNode steps = workflow.path("jobs").path("replication").path("steps");
        assertTrue(steps.isArray() && steps.size() == 5, "five steps: " + steps);

        assertEquals("actions/checkout@v4", steps.get(0).path("uses").asText());
        JsonNode java = steps.get(1);
        assertEquals("actions/setup-java@v4", java.path("uses").asText());
        assertEquals("17", java.path("with").path("java-version").asText());
        assertEquals("maven", java.path("with").path("cache").asText(), "the Maven repository is cached");

        assertEquals(COMMAND, steps.get(2).path("run").asText());

        JsonNode junit = steps.get(3);
        assertEquals("always()", junit.path("if").asText(), "a failing gate still publishes its report");
        assertTrue(junit.path("uses").asText().startsWith("mikepenz/action-junit-report@"));
        assertEquals(JUNIT, junit.path("with").path("report_paths").asText());

        JsonNode upload = steps.get(4);
        assertEquals("always()", upload.path("if").asText());
        assertEquals("actions/upload-artifact@v4", upload.path("uses").asText());
        assertEquals(ARTEFACTS, upload.path("with").path("path").asText().lines().map(String::trim).toList());
    }

    @Test
    void gitlabRecipe() throws IOException {
        JsonNode pipeline = YAML.readTree(read("ci/gitlab-ci.yml"));
        assertTrue(pipeline.path("image").asText().matches("maven:3\\.9-eclipse-temurin-17"), pipeline.path("image").asText());
        assertEquals("-Dmaven.repo.local=$CI_PROJECT_DIR/.m2/repository", pipeline.path("variables").path("MAVEN_OPTS").asText());
        assertEquals(List.of(".m2/repository/"), texts(pipeline.path("cache").path("paths")), "the cached folder is the Maven repository");

        JsonNode job = pipeline.path("replication");
        assertEquals(List.of(COMMAND), texts(job.path("script")));
        JsonNode artifacts = job.path("artifacts");
        assertEquals("always", artifacts.path("when").asText(), "a failing gate still keeps its report");
        assertEquals(JUNIT, artifacts.path("reports").path("junit").asText());
        assertEquals(ARTEFACTS, texts(artifacts.path("paths")));
    }

    @Test
    void thePageShowsTheTestedFilesVerbatim() throws IOException {
        String page = read("ci.md");
        for (String file : List.of("ci/github-actions.yml", "ci/gitlab-ci.yml")) {
            assertTrue(page.contains("```yaml\n" + read(file) + "```\n"), "docs/ci.md must show docs/" + file + " as committed");
            assertTrue(page.contains("(" + file + ")"), "docs/ci.md links docs/" + file);
        }
        assertTrue(page.contains("```sh\n" + COMMAND + "\n```"));
    }

    private static String read(String file) throws IOException {
        return Files.readString(DOCS.resolve(file), StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
