/**
 * Dynamic panel GMM as R plm::pgmm: Arellano-Bond difference GMM and Blundell-Bond system GMM, one or two
 * steps (Windmeijer-corrected), with the Sargan test and the Arellano-Bond AR(m) tests. {@link
 * dev.repro.estimate.gmm.GmmFrame} turns a data set and formulas into a {@link dev.repro.estimate.gmm.GmmProblem}
 * (arrays), {@link dev.repro.estimate.gmm.PanelGmm#fit} returns a typed {@link dev.repro.estimate.gmm.GmmFit};
 * the mapping to results.json lives above, in the pipeline.
 *
 * <p>Layer 6 (estimate): may use {@code dev.repro.formula}, {@code dev.repro.data}, {@code dev.repro.numeric},
 * {@code dev.repro.diag} and Apache Commons Math; never study, report, drift, results or pipeline.
 */
package dev.repro.estimate.gmm;
