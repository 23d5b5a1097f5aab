import dev.repro.data.Column;
import dev.repro.data.Dataset;
import dev.repro.data.NumericColumn;
import dev.repro.data.TextColumn;
import dev.repro.index.quality.ExportQuality;
import dev.repro.index.quality.ExportQualitySpec;
import dev.repro.index.quality.QualityCells;
import dev.repro.index.quality.QualityEstimate;
import dev.repro.diag.Located;
import dev.repro.diag.Problems;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Export quality on firm-level customs volume: ROWS flows (firm x HS6 product x region x year) generated with
 * a fixed seed, 31 regions, 5000 products (each region mostly in its own band of 1500), 10 years, 200k firms;
 * summed to region-product-year cells, then the
 * two-way fixed-effects inversion. Modes:
 *   dataset  the flows as an in-memory Dataset (what the index goal holds after reading the CSV), then
 *            ExportQuality.build: row checks, streaming aggregation, sigma join, estimation, output datasets;
 *   stream   rows go straight into QualityCells as they are generated, no Dataset: memory is bounded by the
 *            number of cells, whatever the number of rows.
 * Prints the time of the measured phase and the peak heap (sum of the heap pools' peaks after a reset).
 *
 *   mvn -B -o -q compile -Dinvoker.skip
 *   java -Xmx2g -cp target/classes bench/index/ExportQualityBench.java 10000000 dataset
 *   java -Xmx256m -cp target/classes bench/index/ExportQualityBench.java 10000000 stream
 */
public class ExportQualityBench {
    static final int REGIONS = 31;
    static final int PRODUCTS = 5000;
    static final int YEARS = 10;
    static final int FIRMS = 200_000;

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        String mode = args.length > 1 ? args[1] : "dataset";
        String[] regionNames = new String[REGIONS];
        for (int r = 0; r < REGIONS; r++) {
            regionNames[r] = "region" + r;
        }
        String[] productCodes = new String[PRODUCTS];
        double[] sigmaOfProduct = new double[PRODUCTS];
        SplittableRandom sr = new SplittableRandom(7);
        for (int p = 0; p < PRODUCTS; p++) {
            productCodes[p] = String.format("%06d", 10000 + p * 17);
            sigmaOfProduct[p] = 1.5 + 6 * sr.nextDouble();
        }
        if (mode.equals("stream")) {
            stream(rows, sigmaOfProduct);
        } else {
            dataset(rows, regionNames, productCodes, sigmaOfProduct);
        }
    }

    /** One flow: region, product (skewed towards low codes), year, firm, value, quantity. */
    static final class Gen {
        final SplittableRandom rnd = new SplittableRandom(20240611);
        int region, product, year, firm;
        double value, quantity;

        void next() {
            region = rnd.nextInt(REGIONS);
            // each region exports mostly its own band of 1500 products (skewed towards the band's start):
            // an unbalanced, partly overlapping product x region-year structure as in customs data
            double u = rnd.nextDouble();
            product = (region * 157 + (int) (1500 * u * u)) % PRODUCTS;
            year = 2012 + rnd.nextInt(YEARS);
            firm = rnd.nextInt(FIRMS);
            quantity = Math.rint(Math.exp(5 + 1.5 * gauss()) * 10) / 10 + 0.1;
            double price = Math.exp(2 + 0.02 * region + 0.5 * gauss());
            value = Math.rint(price * quantity * 100) / 100 + 0.01;
        }

        double gauss() {
            double a = rnd.nextDouble(), b = rnd.nextDouble();
            return Math.sqrt(-2 * Math.log(1 - a)) * Math.cos(2 * Math.PI * b);
        }
    }

    static void stream(int rows, double[] sigmaOfProduct) {
        resetPeaks();
        long t0 = System.nanoTime();
        Gen g = new Gen();
        QualityCells cells = new QualityCells(1 << 16);
        for (int i = 0; i < rows; i++) {
            g.next();
            cells.add(g.region, g.product, g.year, g.value, g.quantity, i);
        }
        long t1 = System.nanoTime();
        double[] sigma = new double[cells.size()];
        for (int c = 0; c < sigma.length; c++) {
            sigma[c] = sigmaOfProduct[cells.product(c)];
        }
        QualityEstimate.Result r = QualityEstimate.estimate(cells, sigma, PRODUCTS, QualityEstimate.Normalization.PRODUCT_YEAR);
        long t2 = System.nanoTime();
        System.out.printf("stream: %d rows -> %d cells, %d region-years; generate+aggregate %.2f s (%.1f M rows/s), estimate %.2f s (%d CG iterations, converged %b)%n",
                rows, cells.size(), r.ryQuality().length, (t1 - t0) / 1e9, rows / ((t1 - t0) / 1e3), (t2 - t1) / 1e9, r.iterations(), r.converged());
        report();
    }

    static void dataset(int rows, String[] regionNames, String[] productCodes, double[] sigmaOfProduct) {
        Gen g = new Gen();
        int[] firm = new int[rows], region = new int[rows], product = new int[rows];
        double[] year = new double[rows], value = new double[rows], quantity = new double[rows];
        int[] lines = new int[rows];
        long tg = System.nanoTime();
        for (int i = 0; i < rows; i++) {
            g.next();
            firm[i] = g.firm;
            region[i] = g.region;
            product[i] = g.product;
            year[i] = g.year;
            value[i] = g.value;
            quantity[i] = g.quantity;
            lines[i] = i + 2;
        }
        String[] firmNames = new String[FIRMS];
        for (int f = 0; f < FIRMS; f++) {
            firmNames[f] = "firm" + f;
        }
        List<Column> cols = new ArrayList<>();
        cols.add(new TextColumn("firm", firm, firmNames));
        cols.add(new TextColumn("region", region, regionNames));
        cols.add(new TextColumn("hs6", product, productCodes));
        cols.add(new NumericColumn("year", year));
        cols.add(new NumericColumn("value", value));
        cols.add(new NumericColumn("quantity", quantity));
        Dataset flows = new Dataset("customs", "data/customs.csv", null, cols, lines, null, null);
        int[] codes = new int[PRODUCTS];
        for (int p = 0; p < PRODUCTS; p++) {
            codes[p] = p;
        }
        Dataset sigma = new Dataset("sigma", "data/sigma.csv", null, List.of(new TextColumn("hs6", codes, productCodes),
                new NumericColumn("sigma", sigmaOfProduct)), java.util.stream.IntStream.range(2, PRODUCTS + 2).toArray(), null, null);
        System.out.printf("dataset: generated %d rows in %.2f s%n", rows, (System.nanoTime() - tg) / 1e9);
        ExportQualitySpec spec = new ExportQualitySpec(new Located("study.yaml", "index[0]", 1, 1), "customs", "quality", "quality",
                "region", "hs6", "year", "value", "quantity", new ExportQualitySpec.Elasticities("sigma", "hs6", "sigma", 0),
                QualityEstimate.Normalization.PRODUCT_YEAR, null);
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        Problems problems = new Problems();
        ExportQuality.QualityResult r = ExportQuality.build(spec, flows, sigma, problems);
        long t1 = System.nanoTime();
        if (r == null) {
            throw new IllegalStateException(problems.list().toString());
        }
        System.out.printf("dataset: ExportQuality.build %.2f s (%.1f M rows/s): %d region-years, %d CG iterations, converged %b; notes %s%n",
                (t1 - t0) / 1e9, rows / ((t1 - t0) / 1e3), r.step().dataset().rows(), r.estimate().iterations(), r.estimate().converged(),
                r.step().notes());
        report();
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    static void report() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        long gcs = 0, gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs += gc.getCollectionCount();
            gcMillis += gc.getCollectionTime();
        }
        System.out.printf("peak heap %.0f MB (max %.0f MB); %d GCs, %d ms%n", peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0, gcs, gcMillis);
    }
}
