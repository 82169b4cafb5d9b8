package org.crmkit.analytics;

/**
 * How a model is fitted by maximum likelihood.
 *
 * @param penalizer      L2 penalty: the optimiser minimises {@code -LL / N + penalizer * sum(parameter^2)}, N the
 *                       number of customers; 0 (the default) is plain maximum likelihood. A small penalty (0.001 to
 *                       0.1) keeps parameters finite on data that barely identify them.
 * @param maxEvaluations the most likelihood evaluations the optimiser may spend before the fit is declared failed
 */
public record FitOptions(double penalizer, int maxEvaluations) {

    /** Validates: penalizer finite and not negative, at least 100 evaluations. */
    public FitOptions {
        if (!(penalizer >= 0) || Double.isInfinite(penalizer)) {
            throw AnalyticsException.invalidArgument("penalizer", "must be finite and not negative, was " + penalizer);
        }
        if (maxEvaluations < 100) {
            throw AnalyticsException.invalidArgument("maxEvaluations", "must be at least 100, was " + maxEvaluations);
        }
    }

    /** No penalty, up to 50,000 evaluations. */
    public static FitOptions defaults() {
        return new FitOptions(0.0, 50_000);
    }

    /** The same options with another L2 penalty. */
    public FitOptions withPenalizer(double value) {
        return new FitOptions(value, maxEvaluations);
    }
}
