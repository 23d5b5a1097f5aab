/*
 * Synthetic raw data with the structure of Yang, Yuan and Lu (2025), "Does China still need to deepen its
 * opening up? Based on the perspective of reducing CO2 emissions", Front. Environ. Sci. 13:1550493.
 * The paper's data are not public: these are SYNTHETIC numbers from a process whose true parameters are the paper's
 * own estimates, for the 30 provinces by name with their real free-trade-zone years. The process is fixed from the
 * paper's numbers; what it gives is reported, target against achieved, in example-project/README.md.
 *
 * Run from the repository root (Java 17, no dependencies):
 *     java example-project/generator/GenerateData.java [--out example-project/data] [--seed 20250521]
 * Same seed, same bytes: java.util.SplittableRandom with an explicit seed, Box-Muller normals, Locale.ROOT
 * formatting with six significant digits, '\n' line ends.
 *
 * The data-generating process (all in the units of the files):
 *   Open_it    = the entropy-weight index of the nine indicators of Table 1 (pooled min-max, shift 1e-4), computed
 *                here exactly as the study's entropy step computes it; the eight continuous indicators load weakly
 *                and symmetrically on the province, so that the FTZ dummy carries the jumps of Table 2
 *   Quality_it = the export-quality index computed from the HS-level flows exactly as the study's export-quality
 *                step does; the flows follow the CES demand model ln x + sigma ln p = phi_h + phi_it + (sigma - 1) q
 *                with q_iht = KAPPA z_h Q*_it + v_ih + u_iht, Q* = a province level + Table 13 column 18's equation
 *                (0.04 Open + 0.11 Rpc - ...); the yearly noise u is set so that column 18's R-squared comes near 0.802
 *   Tech_it    = the stock the study's perpetual-inventory step builds from the spending written here; the spending
 *                carries Table 12 column 16's equation (16.38 Open + 27.96 Rpc - ...), so the stock moves with it
 *   Ce_it      = c_i + d_t + RHO Ce_i,t-1 + b' (Open, Rpc, Ei, Fin, Gdp, Ind)_it + GAMMA_LAG Open_i,t-1
 *                + THETA Tech_it + LAMBDA Quality_it + e_it                                  (see CeProcess)
 *                RHO = Table 9's 0.937. The paper's static coefficients are what a static two-way within regression
 *                on these dynamic data estimates, so b, THETA and LAMBDA are solved from them: Table 5 column 5
 *                (Open and the controls), Table 12 column 17 (Tech), Table 13 column 19 (Quality). GAMMA_LAG is set
 *                so that the expected Dumitrescu-Hurlin W-bar is Table 7's 5.0576; e's variance by Table 5 column
 *                5's within R-squared 0.245. Province levels: mean and coefficient of variation of Table 3's Ce.
 *                Ce is then split into electricity, heat and eight fossil fuels whose IPCC 2006 emissions (the
 *                factors of the plugin's shipped table, NCV basis) add up to Ce
 * The true coefficients are written to generator/truth.json together with the generated Open, Quality and Ce.
 * GEN_DIAG=1 in the environment prints the calibration (Quality and Tech regressions, Ce variance parts) to stderr.
 */

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

public class GenerateData {
    static final String[] PROVINCES = {"Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin",
        "Heilongjiang", "Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei",
        "Hunan", "Guangdong", "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Shaanxi", "Gansu",
        "Qinghai", "Ningxia", "Xinjiang"};
    /** The eleven coastal provinces of the paper's Table 10. */
    static final List<String> COASTAL = List.of("Tianjin", "Hebei", "Liaoning", "Shanghai", "Jiangsu", "Zhejiang", "Fujian",
        "Shandong", "Guangdong", "Guangxi", "Hainan");
    /** Fifteen Belt-and-Road provinces (the initiative's key provinces without Tibet, Shanghai and Hainan). */
    static final List<String> BELT_ROAD = List.of("Xinjiang", "Shaanxi", "Gansu", "Ningxia", "Qinghai", "Inner Mongolia",
        "Heilongjiang", "Jilin", "Liaoning", "Guangxi", "Yunnan", "Chongqing", "Fujian", "Guangdong", "Zhejiang");
    /** Year each province's pilot free trade zone was established (State Council announcements). */
    static int ftzYear(String p) {
        return switch (p) {
            case "Shanghai" -> 2013;
            case "Guangdong", "Tianjin", "Fujian" -> 2015;
            case "Liaoning", "Zhejiang", "Henan", "Hubei", "Chongqing", "Sichuan", "Shaanxi" -> 2017;
            case "Hainan" -> 2018;
            case "Shandong", "Jiangsu", "Guangxi", "Hebei", "Yunnan", "Heilongjiang" -> 2019;
            case "Beijing", "Hunan", "Anhui" -> 2020;
            default -> 0;
        };
    }

    static final int FIRST = 2012;
    static final int YEARS = 9;            // 2012-2020
    static final int TECH_FIRST = 2010;    // technology flows from 2010, for the stock
    static final int PRODUCTS = 1000;

    // true parameters, from the paper's own estimates
    /** Table 5 column 5: the benchmark model's coefficients on Open, Rpc, Ei, Fin, Gdp, Ind (total effects). */
    static final double[] BETA = {-3641.121, 18179.833, 9532.168, -1171.796, -175.711, -16474.851};
    /** Table 5 column 5: the constant (Stata's _cons of the within model: mean Ce - BETA' mean X); recorded in
     *  truth.json only: with Table 3's means of Ce and X it is implied (25,824 - BETA' means = -99,153). */
    static final double CONSTANT = -99147.792;
    /** Table 13 column 19: Ce on Quality given Open and the controls. */
    static final double LAMBDA_QUALITY = 17105.47;
    /** Table 9: the coefficient of L1.Ce, the persistence of Ce itself. */
    static final double RHO = 0.937;
    /** Table 12 column 17: Ce on Tech given Open and the controls. */
    static final double THETA_TECH = -7.67;
    /** Table 12 column 16: Tech on Open, Rpc, Ei, Fin, Gdp, Ind. */
    static final double[] TECH_ON = {16.38, 27.96, -179.20, -59.98, 21.79, 73.76};
    /** The study's depreciation rate of the technology stock (equation 7). */
    static final double DELTA_TECH = 0.15;
    /** Table 7: the Dumitrescu-Hurlin W-bar the lagged Open effect is set to give in expectation. */
    static final double TARGET_WBAR = 5.0576;
    static final double LAG_SEARCH_LOW = -20000;
    static final int CALIBRATION_DRAWS = 200;
    static final long CALIBRATION_SEED = 7;
    /** Common year effect of Ce (10^4 t per year). */
    static final double YEAR_TREND = 300;
    /** Table 5 column 5: within R-squared; sets the noise. */
    static final double R2_WITHIN = 0.245;
    /** Table 3: mean and standard deviation of Ce, for the spread of the province effects. */
    static final double MEAN_CE = 25824;
    static final double SD_CE = 17649;
    /** Table 13 column 18: Quality on Open, and on Rpc, Ei, Fin, Gdp, Ind. */
    static final double GAMMA_OPEN = 0.04;
    static final double[] GAMMA = {0.11, -0.79, -0.07, 0.02, -0.19};
    /** Scale of the latent quality in the product-level flows: the index's slope on the latent level is 1/KAPPA. */
    static final double KAPPA = 1.0;
    /** Product-level noise of the quality the flows carry, new each year (the index's within measurement noise). */
    static final double PRODUCT_NOISE = 0.0045;
    /** Product-level noise fixed over the years of a province (absorbed by the province effect). */
    static final double PERSISTENT_NOISE = 0.1;
    /** Province level of quality (sd), apart from Table 13 column 18's equation. */
    static final double QUALITY_SPREAD = 0.07;
    /** Extra log demand of the products whose inverted quality loads positively on the latent level. */
    static final double DEMAND_TILT = 2.0;
    // loadings of the opening-up indicators on province size and openness (calibrated to Table 2)
    static final double LOAD_SIZE = 0.12;
    static final double LOAD_OPEN = 0.15;
    static final double TREND = 0.005;

    // CO2 (10^4 t) per unit of each source, from the plugin's factor table (NCV basis):
    // NCV (GJ/t) x carbon content (kg C/GJ) x oxidation 1 x 44/12 / 1000
    static final String[] FUELS = {"coal", "coke", "crude", "gasoline", "kerosene", "diesel", "fuel_oil", "gas"};
    static final double[] COEF = {
        20.908 * 25.8 / 1000 * 44 / 12,            // raw coal, per 10^4 t
        28.435 * 29.2 / 1000 * 44 / 12,            // coke
        41.816 * 20.0 / 1000 * 44 / 12,            // crude oil
        43.07 * 18.9 / 1000 * 44 / 12,             // gasoline
        43.07 * 19.6 / 1000 * 44 / 12,             // kerosene
        42.652 * 20.2 / 1000 * 44 / 12,            // diesel
        41.816 * 21.1 / 1000 * 44 / 12,            // fuel oil
        0.038931 * 1e8 * 15.3 / 1000 * 44 / 12 / 1e4}; // natural gas, per 10^8 m3
    static final double[] SHARE = {0.62, 0.07, 0.05, 0.07, 0.01, 0.08, 0.02, 0.08};
    static final double ELECTRICITY = 1e5 * 0.5366 / 1e4;  // per 10^8 kWh: 10^5 MWh x 0.5366 t/MWh
    static final double HEAT = 1e4 * 0.11 / 1e4;           // per 10^4 GJ: 0.11 t/GJ

    final SplittableRandom rng;

    GenerateData(long seed) {
        rng = new SplittableRandom(seed);
    }

    double normal() {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    static String num(double v) {
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static double rounded(double v) {
        return Double.parseDouble(num(v));
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of("example-project/data");
        long seed = 20250521L;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out")) {
                out = Path.of(args[++i]);
            } else if (args[i].equals("--seed")) {
                seed = Long.parseLong(args[++i]);
            }
        }
        Files.createDirectories(out);
        new GenerateData(seed).run(out, out.resolveSibling("generator").resolve("truth.json"));
    }

    void run(Path out, Path truthFile) throws IOException {
        int n = PROVINCES.length;
        int rows = n * YEARS;
        // province traits: size, openness, energy structure
        double[] size = new double[n];
        double[] openness = new double[n];
        double[] fossilTilt = new double[n];
        for (int i = 0; i < n; i++) {
            size[i] = normal();
            openness[i] = 0.6 * normal() + (COASTAL.contains(PROVINCES[i]) ? 0.9 : -0.4);
            fossilTilt[i] = 0.25 * normal();
        }

        // ---- provinces.csv
        StringBuilder prov = new StringBuilder("province,coastal,belt_road,ftz_year\n");
        for (String p : PROVINCES) {
            prov.append(quote(p)).append(',').append(COASTAL.contains(p) ? 1 : 0).append(',').append(BELT_ROAD.contains(p) ? 1 : 0)
                .append(',').append(ftzYear(p) == 0 ? "" : String.valueOf(ftzYear(p))).append('\n');
        }
        write(out.resolve("provinces.csv"), prov);

        // ---- opening.csv: the nine indicators of Table 1
        String[] ind = {"fie_count", "fie_capital", "foreign_investment", "labour_abroad", "foreign_contracts", "tourism_revenue",
            "trade_dependence", "gov_st", "ftz"};
        double[][] x = new double[ind.length][rows];
        StringBuilder op = new StringBuilder("province,year," + String.join(",", ind) + "\n");
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < YEARS; t++) {
                int r = i * YEARS + t;
                int year = FIRST + t;
                double o = openness[i];
                double trend = TREND * t;
                // loadings small and symmetric (Table 2: 2012 mean 0.22, sd 0.08); the FTZ dummy then carries about
                // half of the entropy weight, as the paper's jumps (Shanghai 2012 0.36 -> 2013 0.91) show
                double common = LOAD_SIZE * size[i] + LOAD_OPEN * o;
                x[0][r] = rounded(Math.exp(8.0 + common + trend + 0.05 * normal()));
                x[1][r] = rounded(Math.exp(6.5 + common + 1.5 * trend + 0.08 * normal()));
                x[2][r] = rounded(Math.exp(5.5 + common + trend + 0.10 * normal()));
                x[3][r] = rounded(Math.exp(9.0 + common + 0.5 * trend + 0.15 * normal()));
                x[4][r] = rounded(Math.exp(5.0 + common + 0.10 * normal()));
                x[5][r] = rounded(Math.exp(3.0 + common + trend - (year == 2020 ? 0.3 : 0) + 0.10 * normal()));
                x[6][r] = rounded(Math.max(0.02, 0.25 + 0.05 * o + 0.03 * normal()));
                x[7][r] = rounded(Math.exp(4.0 + common + 1.5 * trend + 0.08 * normal()));
                x[8][r] = ftzYear(PROVINCES[i]) != 0 && year >= ftzYear(PROVINCES[i]) ? 1 : 0;
                op.append(quote(PROVINCES[i])).append(',').append(year);
                for (double[] col : x) {
                    op.append(',').append(num(col[r]));
                }
                op.append('\n');
            }
        }
        write(out.resolve("opening.csv"), op);
        double[] open = entropy(x);

        // ---- economy.csv and the controls as the study derives them
        double[] rpc = new double[rows];
        double[] gdpPc = new double[rows];
        double[] ei = new double[rows];
        double[] fin = new double[rows];
        double[] indShare = new double[rows];
        double[] power = new double[rows];
        StringBuilder eco = new StringBuilder("province,year,gdp,population,energy_tce,expenditure,tertiary\n");
        for (int i = 0; i < n; i++) {
            double popBase = Math.exp(8.1 + 0.7 * size[i]);
            double gdpPcBase = Math.exp(1.45 + 0.35 * openness[i] + 0.2 * normal());
            double eiBase = Math.exp(-2.4 - 0.35 * openness[i] + 0.45 * normal());
            double finBase = Math.exp(-1.35 - 0.35 * size[i] + 0.25 * normal());
            double indBase = 0.46 + 0.05 * openness[i] + 0.04 * normal();
            double powerBase = Math.exp(7.4 + 0.6 * size[i] + 0.25 * normal());
            for (int t = 0; t < YEARS; t++) {
                int r = i * YEARS + t;
                double pop = rounded(popBase * Math.exp(0.005 * t));
                double gpc = gdpPcBase * Math.exp(0.07 * t + 0.02 * normal());
                double gdp = rounded(gpc * pop);
                double energy = rounded(eiBase * Math.exp(-0.04 * t + 0.03 * normal()) * gdp);
                double exp = rounded(finBase * Math.exp(0.01 * t + 0.03 * normal()) * gdp);
                double tert = rounded(Math.min(0.85, indBase + 0.008 * t + 0.01 * normal()) * gdp);
                power[r] = rounded(powerBase * Math.exp(0.03 * t + 0.02 * normal()));
                gdpPc[r] = gdp / pop;
                ei[r] = energy / gdp;
                fin[r] = exp / gdp;
                indShare[r] = tert / gdp;
                rpc[r] = Math.log(power[r]);
                eco.append(quote(PROVINCES[i])).append(',').append(FIRST + t).append(',').append(num(gdp)).append(',').append(num(pop))
                    .append(',').append(num(energy)).append(',').append(num(exp)).append(',').append(num(tert)).append('\n');
            }
        }
        write(out.resolve("economy.csv"), eco);

        // ---- tech.csv: spending 2010-2020 and a chained price index (preceding year = 100). The stock the study's
        // perpetual-inventory step builds (K = E + (1 - delta) K_{t-1}) carries Table 12 column 16's equation: the
        // real spending gets D_t - (1 - delta) D_{t-1}, D_t = TECH_ON' X_t - TECH_ON' X_2012, so the stock moves by D_t
        double[] techStock = new double[rows];
        StringBuilder tech = new StringBuilder("province,year,tech_spending,price_index\n");
        int techYears = 2020 - TECH_FIRST + 1;
        double[][] xsTech = {open, rpc, ei, fin, gdpPc, indShare};
        for (int i = 0; i < n; i++) {
            double base = Math.exp(1.5 + 1.0 * size[i] + 0.6 * openness[i] + 0.5 * normal());
            double level = 1;
            double stock = 0;
            double dPrev = 0;
            for (int year = TECH_FIRST; year <= 2020; year++) {
                double d = 0;
                if (year >= FIRST) {
                    for (int k = 0; k < TECH_ON.length; k++) {
                        d += TECH_ON[k] * (xsTech[k][i * YEARS + year - FIRST] - xsTech[k][i * YEARS]);
                    }
                }
                double own = base * Math.exp(0.05 * (year - TECH_FIRST) + 0.25 * normal());
                double real = own + d - (1 - DELTA_TECH) * dPrev;
                if (real < 0.05 * own) {
                    real = 0.05 * own;   // spending cannot be negative (counted in truth.json)
                    techClamped++;
                }
                dPrev = d;
                double price = rounded(100 + 2.0 + 1.5 * normal());
                level = year == TECH_FIRST ? 1 : level * price / 100;
                double spend = rounded(real * level);
                double realRead = spend / level;
                stock = year == TECH_FIRST ? realRead * (1 + 0.05) / (1 + DELTA_TECH) : realRead + (1 - DELTA_TECH) * stock;
                if (year >= FIRST) {
                    techStock[i * YEARS + year - FIRST] = stock;
                }
                tech.append(quote(PROVINCES[i])).append(',').append(year).append(',').append(num(spend)).append(',')
                    .append(num(price)).append('\n');
            }
        }
        write(out.resolve("tech.csv"), tech);

        // ---- exports.csv, elasticities.csv and the quality index
        // the latent quality the flows carry: Table 13 column 18's equation (Open and the controls)
        double[] qualityLevel = new double[n];
        for (int i = 0; i < n; i++) {
            qualityLevel[i] = QUALITY_SPREAD * normal();
        }
        double[] latent = new double[rows];
        for (int r = 0; r < rows; r++) {
            latent[r] = qualityLevel[r / YEARS] + GAMMA_OPEN * open[r] + GAMMA[0] * rpc[r] + GAMMA[1] * ei[r] + GAMMA[2] * fin[r] + GAMMA[3] * gdpPc[r]
                + GAMMA[4] * indShare[r];
        }
        double[] quality = exports(out, latent, n);

        // ---- Ce: the dynamic process and its calibration (see the header)
        double[][] xs = {open, rpc, ei, fin, gdpPc, indShare};
        if (System.getenv("GEN_DIAG") != null) {
            double vq = variance(demean2(quality, n));
            double vr = variance(withinResidual(quality, xs, n));
            System.err.printf(Locale.ROOT, "quality within sd %.5f resid sd %.5f R2 %.3f coef %s mean %.3f sd %.3f%n", Math.sqrt(vq),
                Math.sqrt(vr), 1 - vr / vq, Arrays.toString(withinCoef(quality, xs, n)), mean(quality), Math.sqrt(variance(quality)));
            System.err.printf(Locale.ROOT, "tech mean %.2f sd %.2f coef %s%n", mean(techStock), Math.sqrt(variance(techStock)),
                Arrays.toString(withinCoef(techStock, xs, n)));
        }
        CeProcess ce0 = CeProcess.calibrate(xs, techStock, quality, n);
        process = ce0;
        double[] noise = new double[rows];
        for (int r = 0; r < rows; r++) {
            noise[r] = ce0.sigma * normal();
        }
        double[] dyn = ce0.path(noise);
        // province levels: spread as a lognormal with Table 3's coefficient of variation; mean Table 3's
        double s = Math.sqrt(Math.log(1 + (SD_CE / MEAN_CE) * (SD_CE / MEAN_CE)));
        double[] ce = new double[rows];
        StringBuilder en = new StringBuilder("province,year," + String.join(",", FUELS) + ",power,heat\n");
        for (int i = 0; i < n; i++) {
            double own = 0;
            for (int t = 0; t < YEARS; t++) {
                own += dyn[i * YEARS + t] / YEARS;
            }
            double mu = MEAN_CE * Math.exp(s * size[i] - s * s / 2) - own;
            for (int t = 0; t < YEARS; t++) {
                int r = i * YEARS + t;
                double heat = rounded(Math.exp(8.0 + 0.5 * size[i] + 0.1 * normal()));
                double fixed = power[r] * ELECTRICITY + heat * HEAT;
                double c = mu + YEAR_TREND * (t - (YEARS - 1) / 2.0) + dyn[r];
                if (c - fixed < 0.15 * c) {
                    c = fixed / 0.85;   // keep at least 15% of emissions from fuels (counted in truth.json)
                    clamped++;
                }
                double fossil = c - fixed;
                double[] share = new double[FUELS.length];
                double sum = 0;
                for (int f = 0; f < FUELS.length; f++) {
                    share[f] = SHARE[f] * Math.exp((f == 0 ? fossilTilt[i] : -fossilTilt[i] / 3) + 0.05 * normal());
                    sum += share[f];
                }
                en.append(quote(PROVINCES[i])).append(',').append(FIRST + t);
                double total = fixed;
                for (int f = 0; f < FUELS.length; f++) {
                    double q = rounded(share[f] / sum * fossil / COEF[f]);
                    total += q * COEF[f];
                    en.append(',').append(num(q));
                }
                ce[r] = total;   // the emissions of the written quantities
                en.append(',').append(num(power[r])).append(',').append(num(heat)).append('\n');
            }
        }
        write(out.resolve("energy.csv"), en);

        // ---- truth: the static coefficients (what the study's within regressions estimate) and the dynamic process
        StringBuilder tr = new StringBuilder("{\n");
        tr.append("  \"note\": \"Synthetic data: true parameters of generator/GenerateData.java. The top-level coefficients are the ")
            .append("probability limits of the study's static within regressions (Table 5 column 5, Table 12 column 17's tech, Table 13 ")
            .append("column 19's quality); 'dynamic' holds the process that makes them\",\n");
        String[] names = {"open", "rpc", "ei", "fin", "gdp", "ind"};
        for (int k = 0; k < BETA.length; k++) {
            tr.append("  \"").append(names[k]).append("\": ").append(BETA[k]).append(",\n");
        }
        tr.append("  \"constant\": ").append(CONSTANT).append(",\n  \"quality\": ").append(LAMBDA_QUALITY).append(",\n");
        tr.append("  \"tech\": ").append(THETA_TECH).append(",\n");
        tr.append("  \"techOn\": {");
        for (int k = 0; k < TECH_ON.length; k++) {
            tr.append(k == 0 ? "" : ", ").append('"').append(names[k]).append("\": ").append(TECH_ON[k]);
        }
        tr.append("},\n  \"dynamic\": {\"rho\": ").append(RHO);
        for (int k = 0; k < BETA.length; k++) {
            tr.append(", \"").append(names[k]).append("\": ").append(process.coef[k]);
        }
        tr.append(", \"openLag\": ").append(process.gammaLag).append(", \"tech\": ").append(process.coef[6])
            .append(", \"quality\": ").append(process.coef[7]).append(", \"sigma\": ").append(process.sigma)
            .append(", \"yearTrend\": ").append(YEAR_TREND).append(", \"expectedWbar\": ").append(process.expectedWbar)
            .append(", \"noiseFloor\": ").append(process.noiseFloor == 1).append("},\n");
        tr.append("  \"clamped\": ").append(clamped).append(",\n  \"techClamped\": ").append(techClamped)
            .append(",\n  \"kappa\": ").append(KAPPA).append(",\n");
        tr.append("  \"panel\": [\n");
        for (int r = 0; r < rows; r++) {
            tr.append("    {\"province\": \"").append(PROVINCES[r / YEARS]).append("\", \"year\": ").append(FIRST + r % YEARS)
                .append(", \"open\": ").append(open[r]).append(", \"quality\": ").append(quality[r]).append(", \"ce\": ").append(ce[r])
                .append('}').append(r + 1 < rows ? "," : "").append('\n');
        }
        tr.append("  ]\n}\n");
        write(truthFile, tr);
    }

    CeProcess process;
    int clamped;
    int techClamped;

    /**
     * The dynamic Ce process and its calibration. Rows are province-major; every input enters as its deviation
     * from the province mean, so the province level is set apart (the mean and spread of Table 3).
     *   Y_it = RHO Y_i,t-1 + b' X~_it + GAMMA_LAG Open~_i,t-1 + THETA Tech~_it + LAMBDA Quality~_it + e_it,  Y_i,2011 = 0
     *   Ce_it = mu_i + YEAR_TREND (t - 2016) + Y_it
     * so Ce_it = c_i + d_t + RHO Ce_i,t-1 + b' X_it + GAMMA_LAG Open_i,t-1 + THETA Tech_it + LAMBDA Quality_it + e_it
     * holds exactly for 2013-2020, with c_i = (1 - RHO) mu_i - b' mean_i(X) - ... and d_t from the trend.
     * The paper's static coefficients are probability limits of static within regressions on these dynamic data,
     * so b, THETA and LAMBDA solve the linear system "the two-way within regression of the noise-free Y on
     * (Open, controls) gives Table 5 column 5; on (Open, Tech, controls) gives Table 12 column 17's Tech
     * coefficient; on (Open, Quality, controls) gives Table 13 column 19's Quality coefficient". The noise e is
     * set by Table 5 column 5's within R-squared; GAMMA_LAG so that the expected Dumitrescu-Hurlin W-bar (over
     * CALIBRATION_DRAWS draws of e from a stream apart from the data's) is Table 7's 5.0576.
     */
    static final class CeProcess {
        final int n;
        final double[][] xs;
        final double[] open;
        final double[][] unknownSeries;   // F(X~_0..5), F(Tech~), F(Quality~)
        final double[] lagSeries;         // F(Open~_{t-1})
        final double[][] system;          // the projections of each unknown's series (8 x 8)
        final double[] lagProjection;     // the same of the lag's series
        double[] coef;                    // b_0..5, THETA, LAMBDA
        double gammaLag;
        double sigma;
        double[] det;
        double expectedWbar;
        double noiseFloor;                // 1 when the R-squared rule left no room for e (then a tenth of the budget)

        CeProcess(double[][] xs, double[] tech, double[] quality, int n) {
            this.n = n;
            this.xs = xs;
            this.open = xs[0];
            int rows = open.length;
            unknownSeries = new double[8][];
            for (int k = 0; k < 6; k++) {
                unknownSeries[k] = filter(provinceDeviation(xs[k], n), n);
            }
            unknownSeries[6] = filter(provinceDeviation(tech, n), n);
            unknownSeries[7] = filter(provinceDeviation(quality, n), n);
            double[] lag = new double[rows];
            for (int r = 0; r < rows; r++) {
                lag[r] = r % YEARS == 0 ? open[r] : open[r - 1];   // 2011's Open taken as 2012's
            }
            lagSeries = filter(provinceDeviation(lag, n), n);
            double[][] withTech = append(xs, tech);
            double[][] withQuality = append(xs, quality);
            system = new double[8][8];
            for (int u = 0; u < 8; u++) {
                double[] col = projections(unknownSeries[u], xs, withTech, withQuality);
                for (int j = 0; j < 8; j++) {
                    system[j][u] = col[j];
                }
            }
            lagProjection = projections(lagSeries, xs, withTech, withQuality);
        }

        private double[] projections(double[] y, double[][] x5, double[][] x12, double[][] x13) {
            double[] p = new double[8];
            System.arraycopy(withinCoef(y, x5, n), 0, p, 0, 6);
            p[6] = withinCoef(y, x12, n)[6];
            p[7] = withinCoef(y, x13, n)[6];
            return p;
        }

        /** Solves for b, THETA, LAMBDA given GAMMA_LAG, then sets the noise from the R-squared rule. */
        void solve(double lagCoef) {
            gammaLag = lagCoef;
            double[] rhs = new double[8];
            for (int j = 0; j < 6; j++) {
                rhs[j] = BETA[j] - lagCoef * lagProjection[j];
            }
            rhs[6] = THETA_TECH - lagCoef * lagProjection[6];
            rhs[7] = LAMBDA_QUALITY - lagCoef * lagProjection[7];
            coef = solveLinear(system, rhs);
            det = new double[open.length];
            for (int r = 0; r < det.length; r++) {
                double v = lagCoef * lagSeries[r];
                for (int u = 0; u < 8; u++) {
                    v += coef[u] * unknownSeries[u][r];
                }
                det[r] = v;
            }
            double[] fit = new double[det.length];
            double[][] dx = new double[6][];
            for (int k = 0; k < 6; k++) {
                dx[k] = demean2(xs[k], n);
            }
            for (int r = 0; r < fit.length; r++) {
                for (int k = 0; k < 6; k++) {
                    fit[r] += BETA[k] * dx[k][r];
                }
            }
            double vFit = variance(fit);
            double vOrth = variance(withinResidual(det, xs, n));
            double budget = (1 - R2_WITHIN) / R2_WITHIN * vFit;
            double vE = budget - vOrth;
            noiseFloor = vE < 0.1 * budget ? 1 : 0;
            if (System.getenv("GEN_DIAG") != null) {
                StringBuilder parts = new StringBuilder();
                for (int u = 0; u < 8; u++) {
                    double[] one = unknownSeries[u].clone();
                    for (int r = 0; r < one.length; r++) {
                        one[r] *= coef[u];
                    }
                    parts.append(String.format(Locale.ROOT, " %d:%.0f", u, Math.sqrt(variance(withinResidual(one, xs, n)))));
                }
                System.err.printf(Locale.ROOT, "fit sd %.1f orth sd %.1f budget sd %.1f parts%s%n", Math.sqrt(vFit), Math.sqrt(vOrth),
                    Math.sqrt(budget), parts);
            }
            vE = Math.max(vE, 0.1 * budget);
            sigma = Math.sqrt(vE / filteredWithinShare(n));
        }

        /** Y for given shocks e: the noise-free path plus the filtered shocks. */
        double[] path(double[] e) {
            double[] f = filter(e, n);
            double[] y = new double[f.length];
            for (int r = 0; r < y.length; r++) {
                y[r] = det[r] + f[r];
            }
            return y;
        }

        /** The mean W-bar of the study's Dumitrescu-Hurlin test (lag 1) over draws of e apart from the data's stream. */
        double expectedWbar() {
            SplittableRandom draws = new SplittableRandom(CALIBRATION_SEED);
            double sum = 0;
            double[] e = new double[open.length];
            for (int d = 0; d < CALIBRATION_DRAWS; d++) {
                for (int r = 0; r < e.length; r++) {
                    double u1 = draws.nextDouble();
                    double u2 = draws.nextDouble();
                    e[r] = sigma * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
                }
                double[] y = path(e);
                for (int r = 0; r < y.length; r++) {
                    y[r] += YEAR_TREND * (r % YEARS - (YEARS - 1) / 2.0);
                }
                sum += wbar(y, open, n);
            }
            return sum / CALIBRATION_DRAWS;
        }

        static CeProcess calibrate(double[][] xs, double[] tech, double[] quality, int n) {
            CeProcess p = new CeProcess(xs, tech, quality, n);
            double lo = LAG_SEARCH_LOW;
            double hi = 0;
            p.solve(hi);
            double atZero = p.expectedWbar();
            if (atZero < TARGET_WBAR) {
                for (int it = 0; it < 40; it++) {
                    double mid = (lo + hi) / 2;
                    p.solve(mid);
                    if (p.expectedWbar() < TARGET_WBAR) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                p.solve((lo + hi) / 2);
            } else {
                p.solve(0);
            }
            p.expectedWbar = p.expectedWbar();
            return p;
        }
    }

    /** y_t = RHO y_{t-1} + v_t within each province, y before the first year 0. */
    static double[] filter(double[] v, int n) {
        double[] y = new double[v.length];
        for (int r = 0; r < v.length; r++) {
            y[r] = v[r] + (r % YEARS == 0 ? 0 : RHO * y[r - 1]);
        }
        return y;
    }

    /** v minus its 2012 value, province by province: the history before 2012 is taken as steady at 2012's values. */
    static double[] provinceDeviation(double[] v, int n) {
        double[] out = new double[v.length];
        for (int r = 0; r < v.length; r++) {
            out[r] = v[r] - v[r - r % YEARS];
        }
        return out;
    }

    static double[][] append(double[][] xs, double[] extra) {
        double[][] out = Arrays.copyOf(xs, xs.length + 1);
        out[xs.length] = extra;
        return out;
    }

    /** Per observation, the expected two-way within variance of filtered unit-variance shocks: tr(L'ML)/T (n-1)/n. */
    static double filteredWithinShare(int n) {
        double tr = 0;
        for (int s = 0; s < YEARS; s++) {
            double[] col = new double[YEARS];
            double m = 0;
            for (int t = s; t < YEARS; t++) {
                col[t] = Math.pow(RHO, t - s);
                m += col[t] / YEARS;
            }
            for (int t = 0; t < YEARS; t++) {
                tr += (col[t] - m) * (col[t] - m);
            }
        }
        return tr / YEARS * (n - 1) / n;
    }

    /** Dumitrescu-Hurlin W-bar, lag 1: per province OLS of y_t on 1, y_t-1, x_t-1; Wald of x_t-1 with s^2 = rss/(T-3). */
    static double wbar(double[] y, double[] x, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int m = YEARS - 1;
            double[][] a = new double[3][3];
            double[] b = new double[3];
            for (int t = 1; t < YEARS; t++) {
                double[] z = {1, y[i * YEARS + t - 1], x[i * YEARS + t - 1]};
                for (int j = 0; j < 3; j++) {
                    for (int l = 0; l < 3; l++) {
                        a[j][l] += z[j] * z[l];
                    }
                    b[j] += z[j] * y[i * YEARS + t];
                }
            }
            double[][] inv = invert(a);
            double[] c = new double[3];
            for (int j = 0; j < 3; j++) {
                for (int l = 0; l < 3; l++) {
                    c[j] += inv[j][l] * b[l];
                }
            }
            double rss = 0;
            for (int t = 1; t < YEARS; t++) {
                double res = y[i * YEARS + t] - c[0] - c[1] * y[i * YEARS + t - 1] - c[2] * x[i * YEARS + t - 1];
                rss += res * res;
            }
            sum += c[2] * c[2] / (rss / (m - 3) * inv[2][2]);
        }
        return sum / n;
    }

    static double[][] invert(double[][] m) {
        int k = m.length;
        double[][] a = new double[k][2 * k];
        for (int j = 0; j < k; j++) {
            System.arraycopy(m[j], 0, a[j], 0, k);
            a[j][k + j] = 1;
        }
        gaussJordan(a, k);
        double[][] inv = new double[k][k];
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < k; l++) {
                inv[j][l] = a[j][k + l] / a[j][j];
            }
        }
        return inv;
    }

    static double[] solveLinear(double[][] m, double[] rhs) {
        int k = m.length;
        double[][] a = new double[k][k + 1];
        for (int j = 0; j < k; j++) {
            System.arraycopy(m[j], 0, a[j], 0, k);
            a[j][k] = rhs[j];
        }
        gaussJordan(a, k);
        double[] x = new double[k];
        for (int j = 0; j < k; j++) {
            x[j] = a[j][k] / a[j][j];
        }
        return x;
    }

    /** Gauss-Jordan elimination with partial pivoting on the first k columns (rows keep their pivot unscaled). */
    static void gaussJordan(double[][] a, int k) {
        for (int c = 0; c < k; c++) {
            int p = c;
            for (int r = c + 1; r < k; r++) {
                p = Math.abs(a[r][c]) > Math.abs(a[p][c]) ? r : p;
            }
            double[] tmp = a[c];
            a[c] = a[p];
            a[p] = tmp;
            for (int r = 0; r < k; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int l = c; l < a[r].length; l++) {
                        a[r][l] -= f * a[c][l];
                    }
                }
            }
        }
    }

    /** The two-way within regression's coefficients of y on the regressors. */
    static double[] withinCoef(double[] y, double[][] xs, int n) {
        int k = xs.length;
        double[] dy = demean2(y, n);
        double[][] dx = new double[k][];
        for (int j = 0; j < k; j++) {
            dx[j] = demean2(xs[j], n);
        }
        double[][] a = new double[k][k];
        double[] rhs = new double[k];
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < k; l++) {
                for (int r = 0; r < y.length; r++) {
                    a[j][l] += dx[j][r] * dx[l][r];
                }
            }
            for (int r = 0; r < y.length; r++) {
                rhs[j] += dx[j][r] * dy[r];
            }
        }
        return solveLinear(a, rhs);
    }

    /** Two-way within transform of a balanced province x year panel (rows province-major). */
    static double[] demean2(double[] v, int n) {
        double[] pm = new double[n];
        double[] ym = new double[YEARS];
        double grand = 0;
        for (int r = 0; r < v.length; r++) {
            pm[r / YEARS] += v[r] / YEARS;
            ym[r % YEARS] += v[r] / n;
            grand += v[r] / v.length;
        }
        double[] out = new double[v.length];
        for (int r = 0; r < v.length; r++) {
            out[r] = v[r] - pm[r / YEARS] - ym[r % YEARS] + grand;
        }
        return out;
    }

    /** The residual of y on the regressors, all two-way demeaned (the within regression's residual). */
    static double[] withinResidual(double[] y, double[][] xs, int n) {
        double[] b = withinCoef(y, xs, n);
        double[] res = demean2(y, n);
        for (int j = 0; j < xs.length; j++) {
            double[] dx = demean2(xs[j], n);
            for (int r = 0; r < y.length; r++) {
                res[r] -= b[j] * dx[r];
            }
        }
        return res;
    }

    static double mean(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        return m;
    }

    static double variance(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m) / v.length;
        }
        return s;
    }

    /** The entropy-weight composite as the study's entropy step computes it: pooled, positive, shift 1e-4. */
    static double[] entropy(double[][] x) {
        int k = x.length;
        int n = x[0].length;
        double[][] norm = new double[k][n];
        double[] d = new double[k];
        for (int j = 0; j < k; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : x[j]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double sum = 0;
            for (int a = 0; a < n; a++) {
                norm[j][a] = (x[j][a] - lo) / (hi - lo);
                sum += norm[j][a] + 1e-4;
            }
            double acc = 0;
            for (int a = 0; a < n; a++) {
                double p = (norm[j][a] + 1e-4) / sum;
                acc += p * Math.log(n * p);
            }
            d[j] = Math.max(0, acc / Math.log(n));
        }
        double dsum = 0;
        for (double v : d) {
            dsum += v;
        }
        double[] score = new double[n];
        for (int a = 0; a < n; a++) {
            for (int j = 0; j < k; j++) {
                score[a] += d[j] / dsum * norm[j][a];
            }
        }
        return score;
    }

    /**
     * Writes the HS-level flows (every province exports every product every year: a balanced design, so the
     * product and region-year fixed effects are removed exactly by double demeaning) and returns the quality
     * index as the study's export-quality step computes it.
     */
    double[] exports(Path out, double[] latent, int n) throws IOException {
        int h = PRODUCTS;
        String[] code = new String[h];
        double[] sigma = new double[h];
        double[] z = new double[h];
        double[] phiH = new double[h];
        double[] mu = new double[h];
        StringBuilder el = new StringBuilder("hs6,sigma\n");
        for (int p = 0; p < h; p++) {
            int chapter = 1 + (p * 97) / h;
            code[p] = String.format(Locale.ROOT, "%02d%04d", chapter, 1000 + p);
            sigma[p] = rounded(1.5 + Math.exp(0.8 + 0.5 * normal()));
            z[p] = Math.exp(0.25 * normal());   // every product's quality moves with the latent level
            phiH[p] = 1.5 * normal();
            mu[p] = 0.3 * normal();
            el.append(code[p]).append(',').append(num(sigma[p])).append('\n');
        }
        write(out.resolve("elasticities.csv"), el);
        // equation (2)'s region-year effect removes the (sigma - 1)-weighted mean of q over products, so a product's
        // inverted quality loads on the latent level with w_p = z_p - c/(sigma_p - 1), c = mean((sigma - 1) z): the
        // loadings sum to zero and min-max standardization turns the negative ones around. Demand leans towards the
        // positively loading products (phi_h higher by DEMAND_TILT), so the value-weighted index rises with quality
        double c = 0;
        for (int p = 0; p < h; p++) {
            c += (sigma[p] - 1) * z[p] / h;
        }
        for (int p = 0; p < h; p++) {
            phiH[p] += z[p] - c / (sigma[p] - 1) > 0 ? DEMAND_TILT : 0;
        }
        double[][] persistent = new double[n][h];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < h; p++) {
                persistent[i][p] = PERSISTENT_NOISE * normal();
            }
        }
        int ry = n * YEARS;
        double[] phiRy = new double[ry];
        for (int r = 0; r < ry; r++) {
            phiRy[r] = 0.3 * normal();
        }
        double[][] yv = new double[ry][h];
        double[][] value = new double[ry][h];
        StringBuilder ex = new StringBuilder(16 * 1024 * 1024);
        ex.append("province,year,hs6,value,quantity\n");
        for (int r = 0; r < ry; r++) {
            for (int p = 0; p < h; p++) {
                double q = KAPPA * latent[r] * z[p] + persistent[r / YEARS][p] + PRODUCT_NOISE * normal();
                double lnp = mu[p] + 0.5 * q + 0.005 * normal();
                double lnx = phiH[p] + phiRy[r] + (sigma[p] - 1) * q - sigma[p] * lnp + 6.0;
                double quantity = rounded(Math.exp(lnx));
                double val = rounded(quantity * Math.exp(lnp));
                value[r][p] = val;
                double price = val / quantity;
                yv[r][p] = Math.log(quantity) + sigma[p] * Math.log(price);
                ex.append(quote(PROVINCES[r / YEARS])).append(',').append(FIRST + r % YEARS).append(',').append(code[p]).append(',')
                    .append(num(val)).append(',').append(num(quantity)).append('\n');
            }
        }
        write(out.resolve("exports.csv"), ex);
        // double demeaning of the balanced design
        double[] rowMean = new double[ry];
        double[] colMean = new double[h];
        double grand = 0;
        for (int r = 0; r < ry; r++) {
            for (int p = 0; p < h; p++) {
                rowMean[r] += yv[r][p] / h;
                colMean[p] += yv[r][p] / ry;
                grand += yv[r][p] / ((double) ry * h);
            }
        }
        double[][] qual = new double[ry][h];
        for (int r = 0; r < ry; r++) {
            for (int p = 0; p < h; p++) {
                qual[r][p] = (yv[r][p] - rowMean[r] - colMean[p] + grand) / (sigma[p] - 1);
            }
        }
        // min-max within each product-year over provinces, then value-share weights within each region-year
        double[][] std = new double[ry][h];
        for (int t = 0; t < YEARS; t++) {
            for (int p = 0; p < h; p++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double v = qual[i * YEARS + t][p];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                for (int i = 0; i < n; i++) {
                    std[i * YEARS + t][p] = (qual[i * YEARS + t][p] - lo) / (hi - lo);
                }
            }
        }
        double[] quality = new double[ry];
        for (int r = 0; r < ry; r++) {
            double tot = 0;
            for (int p = 0; p < h; p++) {
                tot += value[r][p];
            }
            for (int p = 0; p < h; p++) {
                quality[r] += value[r][p] / tot * std[r][p];
            }
        }
        return quality;
    }

    static String quote(String s) {
        return s.contains(" ") ? "\"" + s + "\"" : s;
    }

    static void write(Path file, CharSequence text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
