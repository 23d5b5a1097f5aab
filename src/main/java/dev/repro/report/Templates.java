package dev.repro.report;

import dev.repro.diag.Excerpt;
import dev.repro.diag.Problem;
import dev.repro.diag.ReproException;
import dev.repro.io.ProjectPaths;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.TemplateNameFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateConfiguration;
import freemarker.ext.beans.BeansWrapper;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.Version;
import freemarker.core.TemplateClassResolver;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The locked-down FreeMarker engine every table, figure and the report go through.
 *
 * <p>Templates are looked up first in the project's template folder (when given), then in the defaults
 * shipped in the plugin jar under {@code dev/repro/templates/}; nothing else can be loaded (template names
 * are relative to those roots, {@code ..} cannot leave them and symbolic links out of the project folder are
 * refused). The output format follows the file name: {@code *.ftlh} HTML and {@code *.ftlx} XML/SVG
 * (FreeMarker's own escaping), {@code *.tex.ftl} {@link LatexOutputFormat}, {@code *.md.ftl}
 * {@link MarkdownOutputFormat}, {@code *.csv.ftl} {@link CsvOutputFormat}; so {@code ${x}} is escaped for
 * the target everywhere. Templates see plain maps, lists, strings, numbers and booleans only:
 * {@code ?new} resolves no class, {@code ?api} is off and the object wrapper exposes no Java method.
 * Numbers print in the "computer" format and the locale is {@link Locale#ROOT}, so output never depends on
 * the machine; line ends are normalised to LF (CRLF for CSV, as RFC 4180 asks).
 */
public final class Templates {
    /** Pinned so that a FreeMarker upgrade cannot change the bytes of the output. */
    public static final Version INCOMPATIBLE_IMPROVEMENTS = Configuration.VERSION_2_3_34;
    /** Classpath folder of the default templates (the repository's {@code templates/}). */
    public static final String CLASSPATH_ROOT = "/dev/repro/templates";

    private final Configuration cfg;
    private final Path projectDir;

    /**
     * @param projectDir the project's template folder searched before the defaults, or null for the defaults
     *                   only; a folder that does not exist is ignored (the defaults apply)
     */
    public Templates(Path projectDir) {
        this.projectDir = projectDir != null && Files.isDirectory(projectDir) ? projectDir : null;
        this.cfg = configure(this.projectDir);
    }

    /**
     * The engine for a project: its template folder must lie inside the project folder after symbolic links
     * are resolved ({@link ProjectPaths}), so a linked {@code templates/} pointing elsewhere is refused.
     *
     * @param baseDir      the project's base folder
     * @param templatesDir the project's template folder, or null; a folder that does not exist is ignored
     */
    public static Templates forProject(Path baseDir, Path templatesDir) throws ReproException {
        if (templatesDir != null && Files.exists(templatesDir)) {
            ProjectPaths.Resolved where = ProjectPaths.inside(baseDir, templatesDir.toAbsolutePath().toString());
            if (!where.ok()) {
                throw new ReproException("Template error", Problem.at(templatesDir.toString(), 0, 0, "the templates folder "
                        + where.refusal() + "; copy the templates into the project's templates/ folder instead of linking"
                        + " to them (or set repro.templates to a folder inside the project)"));
            }
        }
        return new Templates(templatesDir);
    }

    private static Configuration configure(Path projectDir) {
        Configuration c = new Configuration(INCOMPATIBLE_IMPROVEMENTS);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (projectDir != null) {
            try {
                loaders.add(new FileTemplateLoader(projectDir.toFile(), false));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(Templates.class, CLASSPATH_ROOT));
        c.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
        c.setTemplateNameFormat(TemplateNameFormat.DEFAULT_2_4_0);
        c.setLocalizedLookup(false);

        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        c.setAPIBuiltinEnabled(false);
        SimpleObjectWrapper wrapper = new SimpleObjectWrapper(INCOMPATIBLE_IMPROVEMENTS);
        wrapper.setExposureLevel(BeansWrapper.EXPOSE_NOTHING);
        wrapper.writeProtect();
        c.setObjectWrapper(wrapper);

        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setURLEscapingCharset("UTF-8");

        c.setRecognizeStandardFileExtensions(true);
        c.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        c.setRegisteredCustomOutputFormats(List.of(
                LatexOutputFormat.INSTANCE, MarkdownOutputFormat.INSTANCE, CsvOutputFormat.INSTANCE));
        c.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                forFormat("*.tex.ftl", LatexOutputFormat.INSTANCE),
                forFormat("*.md.ftl", MarkdownOutputFormat.INSTANCE),
                forFormat("*.csv.ftl", CsvOutputFormat.INSTANCE)).allowNoMatch(true));

        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        return c;
    }

    private static ConditionalTemplateConfigurationFactory forFormat(String glob, freemarker.core.OutputFormat f) {
        TemplateConfiguration tc = new TemplateConfiguration();
        tc.setOutputFormat(f);
        return new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(glob), tc);
    }

    /**
     * Renders the first of {@code candidates} that exists (each looked up in the project folder, then the
     * defaults). A broken or missing template is a user mistake: it is reported with the template's file,
     * line and column.
     */
    public String render(List<String> candidates, Map<String, ?> model) throws ReproException {
        Template t = null;
        for (String name : candidates) {
            try {
                t = cfg.getTemplate(name);
                break;
            } catch (TemplateNotFoundException e) {
                // try the next candidate
            } catch (SecurityException e) {
                // FreeMarker's FileTemplateLoader refuses a template whose real path leaves the folder
                throw new ReproException("Template error", Problem.at(sourceOf(null, name), 0, 0, "the template "
                        + Excerpt.quoted(name) + " is a symbolic link to a file outside the templates folder;"
                        + " copy the file into the folder instead of linking to it"));
            } catch (ParseException e) {
                throw new ReproException("Template error",
                        Problem.at(sourceOf(e.getTemplateName(), name), e.getLineNumber(), e.getColumnNumber(),
                                "the template does not parse: " + e.getEditorMessage()
                                        + "; fix the template or delete it to use the default"));
            } catch (IOException e) {
                throw new ReproException("Template error", Problem.at(sourceOf(null, name), 0, 0,
                        "the template cannot be read: " + e.getMessage()));
            }
        }
        if (t == null) {
            throw new ReproException("Template error", Problem.at(candidates.get(0), 0, 0,
                    "no template named " + String.join(" or ", candidates) + " in "
                            + (projectDir != null ? projectDir + " or " : "") + "the plugin's defaults"));
        }
        StringWriter out = new StringWriter(8192);
        try {
            t.process(model, out);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            Integer col = e.getColumnNumber();
            throw new ReproException("Template error", Problem.at(sourceOf(e.getTemplateSourceName(), t.getSourceName()),
                    line == null ? 0 : line, col == null ? 0 : col, "the template failed: " + firstLine(e.getMessageWithoutStackTop())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String s = out.toString().replace("\r\n", "\n");
        if (t.getOutputFormat() == CsvOutputFormat.INSTANCE) {
            s = s.replace("\n", "\r\n");
        }
        return s;
    }

    /** Renders one template name. */
    public String render(String name, Map<String, ?> model) throws ReproException {
        return render(List.of(name), model);
    }

    private String sourceOf(String sourceName, String fallback) {
        String n = sourceName != null ? sourceName : fallback;
        if (projectDir != null && n != null && Files.isRegularFile(projectDir.resolve(n))) {
            return projectDir.resolve(n).toString();
        }
        return "templates/" + n;
    }

    /** FreeMarker's message without its stack trace and tips, on one line (the cause included). */
    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : s.strip().split("\n")) {
            String l = line.strip();
            if (l.startsWith("----") || l.startsWith("Tip:") || l.startsWith("FTL stack trace")
                    || l.startsWith("The blamed expression") || l.startsWith("==>")) {
                break;
            }
            if (!l.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(l);
            }
        }
        return sb.toString();
    }
}
