package dev.repro.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.repro.index.api.IndexStepSpec;
import dev.repro.io.Json;
import dev.repro.study.Study;
import dev.repro.study.StudyParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state files' streaming JSON writes the bytes the object mapper wrote, so records of earlier builds stay valid. */
class StateJsonTest {
    @Test
    void aRecordIsWrittenAsTheObjectMapperWroteItAndReadsBack(@TempDir Path dir) throws Exception {
        Map<String, Map<String, String>> items = new LinkedHashMap<>();
        Map<String, String> a = new LinkedHashMap<>();
        a.put("formula", "\"y ~ x\" \\ é ü 漢字 \t\n\u0001 </script>");
        a.put("data", "sha 0123");
        items.put("models.m1", a);
        items.put("models.empty", new LinkedHashMap<>());
        byte[] bytes = StateJson.bytes(items);
        assertArrayEquals(Json.bytes(items), bytes);
        assertArrayEquals(Json.bytes(Map.of()), StateJson.bytes(Map.of()));
        Path f = dir.resolve("x.json");
        Files.write(f, bytes);
        assertEquals(items, StateJson.read(f));
        assertEquals(List.of("models.m1", "models.empty"), List.copyOf(StateJson.read(f).keySet()));
    }

    @Test
    void anythingButAnObjectOfObjectsOfTextsIsUnreadable(@TempDir Path dir) throws Exception {
        for (String text : List.of("[]", "{\"a\": 1}", "{\"a\": {\"b\": 1}}", "{\"a\": {\"b\": null}}", "{\"a\": null}", "{\"a\": {",
                "", "nonsense")) {
            Path f = dir.resolve("x.json");
            Files.writeString(f, text);
            assertThrows(IOException.class, () -> StateJson.read(f), text);
        }
    }

    @Test
    void compactJsonIsTheObjectMappersForEveryPlainValue() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a \"quoted\" é\n");
        m.put("l", 12345678901L);
        m.put("i", 7);
        m.put("d", 0.1);
        m.put("big", 1e300);
        m.put("f", 0.1f);
        m.put("nan", Double.NaN);
        m.put("inf", Double.NEGATIVE_INFINITY);
        m.put("b", true);
        m.put("n", null);
        m.put("list", Arrays.asList(1L, "x", null, List.of(), Map.of()));
        m.put("map", Map.of("k", List.of(2.5, -0.0)));
        m.put("decimal", new BigDecimal("1.50"));
        assertEquals(Json.mapper().writeValueAsString(m), StateJson.compact(m));
    }

    @Test
    void theExampleProjectsIndexParametersKeepTheirDigests() throws Exception {
        Path study = Path.of("example-project/study.yaml");
        Study s = StudyParser.parse(study, "study.yaml");
        assertFalse(s.index().steps().isEmpty());
        for (IndexStepSpec step : s.index().steps()) {
            assertEquals(Json.mapper().writeValueAsString(step.parameters()), StateJson.compact(step.parameters()), step.at().key());
        }
        assertEquals(Json.mapper().writeValueAsString(s.root().toPlain()), StateJson.compact(s.root().toPlain()));
    }
}
