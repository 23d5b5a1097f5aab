/*
 * Synthetic raw data with the structure of Yang, Yuan and Lu (2025), "Does China still need to deepen its
 * opening up? Based on the perspective of reducing CO2 emissions", Front. Environ. Sci. 13:1550493.
 * The paper's data are not public: these are SYNTHETIC numbers with known true effects, calibrated roughly to the
 * moments of the paper's Table 3, for the 30 provinces by name with their real free-trade-zone years.
 *
 * Run from the repository root (Java 17, no dependencies):
 *     java example-project/generator/GenerateData.java [--out example-project/data] [--seed 20250521]
 * Same seed, same bytes: java.util.SplittableRandom with an explicit seed, Box-Muller normals, Locale.ROOT
 * formatting with six significant digits, '\n' line ends.
 *
 * The data-generating process (all in the units of the files):
 *   Open_it    = the entropy-weight index of the nine indicators of Table 1 (pooled min-max, shift 1e-4), computed
 *                here exactly as the study's entropy step computes it
 *   Quality_it = the export-quality index computed from the HS-level flows exactly as the study's export-quality
 *                step does (balanced flows: the two-way fixed effects are a double demeaning); the flows follow the
 *                CES demand model ln x + sigma ln p = phi_h + phi_it + (sigma - 1) q with q_iht = kappa Open_it z_h + u
 *   Ce_it      = alpha_i + gamma_t + BETA_OPEN Open + LAMBDA_QUALITY Quality + THETA' controls + e,  e ~ N(0, SIGMA^2)
 *                then split into electricity, heat and eight fossil fuels whose IPCC 2006 emissions (the factors of
 *                the plugin's shipped table, NCV basis) add up to Ce
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

    // true parameters
    static final double BETA_OPEN = -4500;
    static final double LAMBDA_QUALITY = 15000;
    static final double THETA_RPC = 12000;
    static final double THETA_EI = 20000;
    static final double THETA_FIN = -1300;
    static final double THETA_GDP = -250;
    static final double THETA_IND = -16000;
    static final double SIGMA = 2500;
    static final double KAPPA = 1.0;

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
                double trend = 0.04 * t;
                x[0][r] = rounded(Math.exp(8.0 + 0.6 * size[i] + 0.8 * o + trend + 0.05 * normal()));
                x[1][r] = rounded(Math.exp(6.5 + 0.6 * size[i] + 1.0 * o + 1.5 * trend + 0.08 * normal()));
                x[2][r] = rounded(Math.exp(5.5 + 0.5 * size[i] + 1.0 * o + trend + 0.10 * normal()));
                x[3][r] = rounded(Math.exp(9.0 + 0.7 * size[i] + 0.5 * o - 0.5 * trend + 0.15 * normal()));
                x[4][r] = rounded(Math.exp(5.0 + 0.6 * size[i] + 0.5 * o + 0.10 * normal()));
                x[5][r] = rounded(Math.exp(3.0 + 0.5 * size[i] + 0.8 * o + trend - (year == 2020 ? 1.2 : 0) + 0.10 * normal()));
                x[6][r] = rounded(Math.max(0.02, 0.25 + 0.2 * o + 0.03 * normal()));
                x[7][r] = rounded(Math.exp(4.0 + 0.7 * size[i] + 0.3 * o + 1.5 * trend + 0.08 * normal()));
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
        double[] quality = exports(out, open, n);

        // ---- Ce and energy.csv
        double[] alpha = new double[n];
        double[] ce = new double[rows];
        for (int i = 0; i < n; i++) {
            double target = 25000 * Math.exp(0.55 * size[i]);
            double rest = 0;
            for (int t = 0; t < YEARS; t++) {
                int r = i * YEARS + t;
                rest += systematic(r, t, open, quality, rpc, ei, fin, gdpPc, indShare);
            }
            alpha[i] = target - rest / YEARS;
        }
        StringBuilder en = new StringBuilder("province,year," + String.join(",", FUELS) + ",power,heat\n");
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < YEARS; t++) {
                int r = i * YEARS + t;
                double heat = rounded(Math.exp(8.0 + 0.5 * size[i] + 0.1 * normal()));
                double fixed = power[r] * ELECTRICITY + heat * HEAT;
                double c;
                do {
                    c = alpha[i] + systematic(r, t, open, quality, rpc, ei, fin, gdpPc, indShare) + SIGMA * normal();
                } while (c - fixed < 0.15 * c);   // keep at least 15% of emissions from fuels (rare redraws)
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
        tr.append("  \"open\": ").append(BETA_OPEN).append(",\n");
        tr.append("  \"quality\": ").append(LAMBDA_QUALITY).append(",\n");
        tr.append("  \"rpc\": ").append(THETA_RPC).append(",\n  \"ei\": ").append(THETA_EI).append(",\n  \"fin\": ").append(THETA_FIN)
            .append(",\n  \"gdp\": ").append(THETA_GDP).append(",\n  \"ind\": ").append(THETA_IND).append(",\n");
        tr.append("  \"tech\": 0,\n  \"lagCe\": 0,\n  \"sigma\": ").append(SIGMA).append(",\n  \"kappa\": ").append(KAPPA).append(",\n");
        tr.append("  \"panel\": [\n");
        for (int r = 0; r < rows; r++) {
            tr.append("    {\"province\": \"").append(PROVINCES[r / YEARS]).append("\", \"year\": ").append(FIRST + r % YEARS)
                .append(", \"open\": ").append(open[r]).append(", \"quality\": ").append(quality[r]).append(", \"ce\": ").append(ce[r])
                .append('}').append(r + 1 < rows ? "," : "").append('\n');
        }
        tr.append("  ]\n}\n");
        write(truthFile, tr);
    }

    /** Everything in Ce but alpha_i and the noise. */
    static double systematic(int r, int t, double[] open, double[] quality, double[] rpc, double[] ei, double[] fin, double[] gdp,
                             double[] ind) {
        return 300 * t + BETA_OPEN * open[r] + LAMBDA_QUALITY * quality[r] + THETA_RPC * rpc[r] + THETA_EI * ei[r]
            + THETA_FIN * fin[r] + THETA_GDP * gdp[r] + THETA_IND * ind[r];
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
    double[] exports(Path out, double[] open, int n) throws IOException {
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
            z[p] = normal();
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
                double q = KAPPA * open[r] * z[p] + 0.3 * normal();
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
