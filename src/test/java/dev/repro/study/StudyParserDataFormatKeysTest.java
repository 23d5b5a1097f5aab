package dev.repro.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.repro.data.ReadOptions;
import dev.repro.diag.Problem;
import dev.repro.diag.Problems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset keys of the .dta and .xlsx readers: parsed into ReadOptions, and refused where the format does not know them. */
class StudyParserDataFormatKeysTest {
    @TempDir
    Path dir;

    private Study parse(String datasets, Problems problems) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, "datasets:\n" + datasets, StandardCharsets.UTF_8);
        Problems all = new Problems();
        Study s = StudyParser.parse(f, "study.yaml", all);
        // only the datasets are written here: the study's other sections are missing on purpose
        all.list().stream().filter(p -> p.key() != null && p.key().startsWith("datasets.")).forEach(problems::add);
        return s;
    }

    @Test
    void readsTheKeysOfEachFormat() throws Exception {
        Problems problems = new Problems();
        Study s = parse("""
                  book: {file: data/book.xlsx, sheet: Provinces, range: B3:K33, header: 3, dates: period}
                  stata: {file: data/panel.dta, labels: code, missing_codes: true}
                  old: {file: data/old.dta, encoding: GBK}
                  plain: {file: data/x.csv}
                """, problems);
        assertEquals(List.of(), problems.list());
        assertEquals(new ReadOptions(null, "Provinces", "B3:K33", 3, false, ReadOptions.DateRule.PERIOD, false),
                s.datasets().get("book").read());
        assertEquals(new ReadOptions(null, null, null, 0, true, ReadOptions.DateRule.YEAR, true), s.datasets().get("stata").read());
        assertEquals("GBK", s.datasets().get("old").read().encoding());
        assertEquals(ReadOptions.defaults(), s.datasets().get("plain").read());
    }

    @Test
    void keysTheFormatDoesNotKnowAndWrongValuesAreNamed() throws Exception {
        Problems problems = new Problems();
        parse("""
                  a: {file: data/panel.dta, sheet: Data}
                  b: {file: data/x.csv, format: sas}
                  c: {file: data/book.xlsx, range: A3-K33, labels: codes}
                  d: {file: data/old.dta, encoding: klingon}
                  e: {file: data/x.csv, encoding: GBK}
                """, problems);
        assertEquals(List.of(
                "study.yaml:2:36: datasets.a.sheet: 'sheet' does not apply to dta files; remove it (the format comes from the file's extension; set format: if it is wrong)",
                "study.yaml:3:33: datasets.b.format: unknown value 'sas'; expected one of csv, dta, xlsx",
                "study.yaml:4:36: datasets.c.range: expected a range of cells such as A3:K33, found 'A3-K33'",
                "study.yaml:4:52: datasets.c.labels: unknown value 'codes', did you mean 'code'? expected one of text, code",
                "study.yaml:4:52: datasets.c.labels: 'labels' does not apply to xlsx files; remove it (the format comes from the file's extension; set format: if it is wrong)",
                "study.yaml:5:37: datasets.d.encoding: unknown encoding 'klingon'; expected a character set name such as windows-1252, ISO-8859-1, GBK, Shift_JIS or UTF-8",
                "study.yaml:6:35: datasets.e.encoding: 'encoding' does not apply to csv files; remove it (the format comes from the file's extension; set format: if it is wrong)"),
                problems.list().stream().map(Problem::format).toList());
    }
}
