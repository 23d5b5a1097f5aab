package dev.repro.pipeline;

import dev.repro.estimate.linear.Coefficient;
import dev.repro.estimate.mediation.MediationFit;
import dev.repro.results.CoefficientResult;
import dev.repro.results.MediationEffect;
import dev.repro.results.MediationResult;
import dev.repro.results.NormalTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MediationFit} as results.json holds it under {@code mediation.<id>} (docs/mediation.md lists every key;
 * the estimator knows no results types, so the mapping lives here). A value that could not be computed stays NaN
 * and is written as null.
 */
final class MediationResults {
    private MediationResults() {
    }

    /**
     * The variables (mediator: the mediators joined by " -> "; controls left out when none), nobs, the paths a, b
     * (a chain: a1 and b2 again), a chain's a1, a2, d21, b1, b2, then c and cPrime; the effects indirect, direct,
     * total and a chain's indirectM1, indirectM2, totalIndirect; proportionMediated; with a bootstrap its level,
     * replications, validReplications (only when fewer), ciMethod (the first interval), intervals, seed, resampled
     * and units.
     */
    static MediationResult toMediationResult(MediationFit f) {
        MediationFit.Paths paths = f.paths();
        MediationFit.ChainEffects chain = f.chain();
        MediationFit.BootstrapInfo b = f.bootstrap();
        return new MediationResult(f.treatment(), String.join(" -> ", f.mediators()), f.mediators(), f.outcome(),
                f.controls(), f.nobs(), coefficient(paths.a()), coefficient(paths.b()), coefficient(paths.a1()),
                coefficient(paths.a2()), coefficient(paths.d21()), coefficient(paths.b1()), coefficient(paths.b2()),
                coefficient(paths.c()), coefficient(paths.cPrime()), effect(f.indirect()), effect(f.direct()),
                effect(f.total()), chain == null ? null : effect(chain.indirectM1()),
                chain == null ? null : effect(chain.indirectM2()), chain == null ? null : effect(chain.totalIndirect()),
                f.proportionMediated(), b == null ? null : b.level(), b == null ? null : b.replications(),
                b == null || b.validReplications() >= b.replications() ? null : b.validReplications(),
                b == null ? null : b.intervals().get(0), b == null ? null : b.intervals(), b == null ? null : b.seed(),
                b == null ? null : b.resampled(), b == null ? null : b.units());
    }

    private static CoefficientResult coefficient(Coefficient c) {
        return c == null ? null : new CoefficientResult(c.estimate(), c.stdError(), c.t(), c.p());
    }

    private static MediationEffect effect(MediationFit.EffectEstimate e) {
        MediationFit.Bootstrapped s = e.bootstrapped();
        Map<String, List<Double>> intervals = new LinkedHashMap<>();
        if (s != null) {
            s.intervals().forEach((method, bounds) -> intervals.put(method, List.of(bounds[0], bounds[1])));
        }
        return new MediationEffect(e.estimate(), normal(e.sobel()), normal(e.aroian()), normal(e.goodman()), normal(e.delta()),
                s == null ? null : s.se(), s == null ? null : s.z(), s == null ? null : s.ciLower(),
                s == null ? null : s.ciUpper(), s == null ? null : s.p(), s == null ? null : s.pPercentile(), intervals);
    }

    private static NormalTest normal(MediationFit.NormalTest t) {
        return t == null ? null : new NormalTest(t.se(), t.z(), t.p());
    }
}
