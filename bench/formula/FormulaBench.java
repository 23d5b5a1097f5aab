import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import dev.repro.formula.Evaluator;
import dev.repro.formula.Formula;
import dev.repro.formula.ModelFrame;
import dev.repro.formula.PanelLags;
import dev.repro.formula.SampleFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Benchmark of panel lags and the model frame on a generated panel: units x years, 10% of rows dropped
 * (gaps), rows shuffled, numeric or text ids. Run after compiling (mvn -o -q compile):
 *
 *   java -cp target/classes bench/formula/FormulaBench.java [units] [years] [text|number]
 *
 * Prints one line per step with the time of the best of three runs (fresh dataset each run, so the
 * panel index is rebuilt).
 */
public class FormulaBench {
    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int years = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean textIds = args.length > 2 && args[2].equals("text");
        Random rnd = new Random(1);
        int cap = units * years;
        int[] unit = new int[cap];
        int[] year = new int[cap];
        int n = 0;
        for (int u = 0; u < units; u++) {
            for (int t = 0; t < years; t++) {
                if (rnd.nextDouble() > 0.1) {
                    unit[n] = u;
                    year[n] = 2000 + t;
                    n++;
                }
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int a = unit[i]; unit[i] = unit[j]; unit[j] = a;
            int b = year[i]; year[i] = year[j]; year[j] = b;
        }
        double[] id = new double[n];
        double[] yr = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        int[] lines = new int[n];
        int[] codes = new int[n];
        String[] levels = new String[units];
        for (int u = 0; u < units; u++) {
            levels[u] = "firm" + u;
        }
        for (int i = 0; i < n; i++) {
            id[i] = unit[i];
            codes[i] = unit[i];
            yr[i] = year[i];
            x[i] = 1 + rnd.nextDouble();
            y[i] = 5 + 2 * x[i] + rnd.nextGaussian();
            lines[i] = i + 2;
        }
        System.out.printf(Locale.ROOT, "rows %,d  units %,d  years %d  ids %s%n", n, units, years, textIds ? "text" : "number");
        Formula f = Formula.parse("log(y) ~ L(log(y), 1) + log(x) + D(x) + L(x, 1:2) | id + year");
        SampleFilter s = SampleFilter.parse("year >= 2002 and x > 1.01");
        for (String step : List.of("index", "lag", "frame")) {
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                List<Column> cols = new ArrayList<>();
                cols.add(textIds ? new TextColumn("id", codes.clone(), levels) : new NumericColumn("id", id.clone()));
                cols.add(new NumericColumn("year", yr.clone()));
                cols.add(new NumericColumn("x", x.clone()));
                cols.add(new NumericColumn("y", y.clone()));
                Dataset d = new Dataset("bench", "bench.csv", null, cols, lines, "id", "year");
                long t0 = System.nanoTime();
                switch (step) {
                    case "index" -> PanelLags.of(d).lagRows(1);
                    case "lag" -> {
                        PanelLags.of(d).lagRows(1);
                        t0 = System.nanoTime();
                        new Evaluator(d, new Located("bench.csv", "bench", 0, 0), new Problems()).values(f.regressors().get(0));
                    }
                    default -> {
                        Problems p = new Problems();
                        ModelFrame m = ModelFrame.build(f, d, s, List.of("id"), new Located("bench.csv", "bench", 0, 0), p)
                                .orElseThrow(() -> new IllegalStateException(p.list().toString()));
                        m.completeCases();
                    }
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
            String what = switch (step) {
                case "index" -> "panel index + lag map (id codes, sort, lag 1)";
                case "lag" -> "evaluate L(log(y), 1) with the index built";
                default -> "ModelFrame.build + completeCases (5 regressors, 2 effects, cluster, sample)";
            };
            System.out.printf(Locale.ROOT, "%-78s %8.1f ms%n", what, best / 1e6);
        }
    }
}
