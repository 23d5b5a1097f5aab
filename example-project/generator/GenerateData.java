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
 *                with q_iht = KAPPA z_h Q*_it + u, Q* = Table 13 column 18's equation (0.04 Open + 0.11 Rpc - ...)
 *   Ce_it      = CONSTANT + a_i + g_t + BETA' (Open, Rpc, Ei, Fin, Gdp, Ind) + LAMBDA_QUALITY Qres_it + e_it
 *                BETA and CONSTANT: Table 5 column 5; LAMBDA_QUALITY: Table 13 column 19; Qres: the part of
 *                Quality that Open and the controls do not explain within province and year (so Table 5's
 *                regression still estimates BETA); e AR(1) with RHO = Table 9's 0.937, its within variance set by
 *                Table 5's within R-squared 0.245; a_i spread with Table 3's coefficient of variation of Ce.
 *                Ce is then split into electricity, heat and eight fossil fuels whose IPCC 2006 emissions (the
 *                factors of the plugin's shipped table, NCV basis) add up to Ce
 *   Tech       = technology-import spending, deflated and cumulated by the study's perpetual-inventory step; it has
 *                no effect on Ce or Quality in this process (true effect 0)
 * The true coefficients are written to generator/truth.json together with the generated Open, Quality and Ce.
 */

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /** Table 5 column 5: the constant (Stata's _cons of the within model: mean Ce - BETA' mean X). */
    static final double CONSTANT = -99147.792;
    /** Table 13 column 19: Ce on Quality given Open and the controls. */
    static final double LAMBDA_QUALITY = 17105.47;
    /** Table 9: the coefficient of L1.Ce, taken as the persistence (AR(1)) of the disturbance. */
    static final double RHO = 0.937;
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
    /** Product-level noise of the quality the flows carry (the index's own measurement noise). */
    static final double PRODUCT_NOISE = 0.1;
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

        // ---- exports.csv, elasticities.csv and the quality index
        // the latent quality the flows carry: Table 13 column 18's equation (Open and the controls)
        double[] latent = new double[rows];
        for (int r = 0; r < rows; r++) {
            latent[r] = GAMMA_OPEN * open[r] + GAMMA[0] * rpc[r] + GAMMA[1] * ei[r] + GAMMA[2] * fin[r] + GAMMA[3] * gdpPc[r]
                + GAMMA[4] * indShare[r];
        }
        double[] quality = exports(out, latent, n);

        // ---- Ce and energy.csv: Ce = CONSTANT + a_i + g_t + BETA' X + LAMBDA_QUALITY Qres + e, e AR(1) with RHO
        double[][] xs = {open, rpc, ei, fin, gdpPc, indShare};
        double[] fit = new double[rows];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < BETA.length; k++) {
                fit[r] += BETA[k] * xs[k][r];
            }
        }
        // the part of Quality that Open and the controls do not explain (within province and year): Ce loads on it,
        // so Table 5's regression (without Quality) still estimates BETA, and Table 13's (with it) LAMBDA_QUALITY
        double[] qres = withinResidual(quality, xs, n);
        double vFit = variance(demean2(fit, n));
        double vNoise = (1 - R2_WITHIN) / R2_WITHIN * vFit;
        double vQuality = LAMBDA_QUALITY * LAMBDA_QUALITY * variance(qres);
        double vE = Math.max(vNoise - vQuality, 0.1 * vNoise);
        sigmaE = Math.sqrt(vE / withinShareAr1(RHO, YEARS));
        // province effects: spread as a lognormal with Table 3's coefficient of variation, centred
        double s = Math.sqrt(Math.log(1 + (SD_CE / MEAN_CE) * (SD_CE / MEAN_CE)));
        double[] alpha = new double[n];
        double alphaMean = 0;
        for (int i = 0; i < n; i++) {
            double rest = 0;
            for (int t = 0; t < YEARS; t++) {
                rest += fit[i * YEARS + t] / YEARS;
            }
            alpha[i] = MEAN_CE * Math.exp(s * size[i] - s * s / 2) - rest;
            alphaMean += alpha[i] / n;
        }
        double[] ce = new double[rows];
        double[] e = new double[rows];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < YEARS; t++) {
                double shock = sigmaE * normal();
                e[i * YEARS + t] = t == 0 ? shock : RHO * e[i * YEARS + t - 1] + Math.sqrt(1 - RHO * RHO) * shock;
            }
        }
        StringBuilder en = new StringBuilder("province,year," + String.join(",", FUELS) + ",power,heat\n");
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < YEARS; t++) {
                int r = i * YEARS + t;
                double heat = rounded(Math.exp(8.0 + 0.5 * size[i] + 0.1 * normal()));
                double fixed = power[r] * ELECTRICITY + heat * HEAT;
                double c = CONSTANT + alpha[i] - alphaMean + 300 * (t - (YEARS - 1) / 2.0) + fit[r] + LAMBDA_QUALITY * qres[r] + e[r];
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

        // ---- tech.csv: spending 2010-2020 and a chained price index (preceding year = 100)
        StringBuilder tech = new StringBuilder("province,year,tech_spending,price_index\n");
        for (int i = 0; i < n; i++) {
            double base = Math.exp(2.2 + 1.0 * size[i] + 0.6 * openness[i] + 0.5 * normal());
            for (int year = TECH_FIRST; year <= 2020; year++) {
                double spend = rounded(base * Math.exp(0.05 * (year - TECH_FIRST) + 0.25 * normal()));
                double price = rounded(100 + 2.0 + 1.5 * normal());
                tech.append(quote(PROVINCES[i])).append(',').append(year).append(',').append(num(spend)).append(',')
                    .append(num(price)).append('\n');
            }
        }
        write(out.resolve("tech.csv"), tech);

        // ---- truth
        StringBuilder tr = new StringBuilder("{\n");
        tr.append("  \"note\": \"Synthetic data: true parameters of generator/GenerateData.java\",\n");
        String[] names = {"open", "rpc", "ei", "fin", "gdp", "ind"};
        for (int k = 0; k < BETA.length; k++) {
            tr.append("  \"").append(names[k]).append("\": ").append(BETA[k]).append(",\n");
        }
        tr.append("  \"constant\": ").append(CONSTANT).append(",\n  \"quality\": ").append(LAMBDA_QUALITY).append(",\n");
        tr.append("  \"tech\": 0,\n  \"rho\": ").append(RHO).append(",\n  \"sigma\": ").append(sigmaE)
            .append(",\n  \"clamped\": ").append(clamped).append(",\n  \"kappa\": ").append(KAPPA).append(",\n");
        tr.append("  \"panel\": [\n");
        for (int r = 0; r < rows; r++) {
            tr.append("    {\"province\": \"").append(PROVINCES[r / YEARS]).append("\", \"year\": ").append(FIRST + r % YEARS)
                .append(", \"open\": ").append(open[r]).append(", \"quality\": ").append(quality[r]).append(", \"ce\": ").append(ce[r])
                .append('}').append(r + 1 < rows ? "," : "").append('\n');
        }
        tr.append("  ]\n}\n");
        write(truthFile, tr);
    }

    double sigmaE;
    int clamped;

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
        int k = xs.length;
        double[] dy = demean2(y, n);
        double[][] dx = new double[k][];
        for (int j = 0; j < k; j++) {
            dx[j] = demean2(xs[j], n);
        }
        double[][] a = new double[k][k + 1];
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < k; l++) {
                for (int r = 0; r < y.length; r++) {
                    a[j][l] += dx[j][r] * dx[l][r];
                }
            }
            for (int r = 0; r < y.length; r++) {
                a[j][k] += dx[j][r] * dy[r];
            }
        }
        for (int c = 0; c < k; c++) {          // Gauss-Jordan with partial pivoting
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
                    for (int l = c; l <= k; l++) {
                        a[r][l] -= f * a[c][l];
                    }
                }
            }
        }
        double[] res = dy.clone();
        for (int j = 0; j < k; j++) {
            double b = a[j][k] / a[j][j];
            for (int r = 0; r < y.length; r++) {
                res[r] -= b * dx[j][r];
            }
        }
        return res;
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

    /** The share of a stationary AR(1)'s variance left within a province over t years: 1 - Var(mean)/Var. */
    static double withinShareAr1(double rho, int t) {
        double sum = t;
        for (int k = 1; k < t; k++) {
            sum += 2 * (t - k) * Math.pow(rho, k);
        }
        return 1 - sum / ((double) t * t);
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
            mu[p] = normal();
            el.append(code[p]).append(',').append(num(sigma[p])).append('\n');
        }
        write(out.resolve("elasticities.csv"), el);
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
                double q = KAPPA * latent[r] * z[p] + PRODUCT_NOISE * normal();
                double lnp = mu[p] + 0.5 * q + 0.1 * normal();
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
