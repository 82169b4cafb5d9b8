package org.crmkit.analytics;

/**
 * A total log-likelihood over all customers with its exact first and second derivatives in the natural parameters,
 * which lets {@link MaximumLikelihood} take Newton steps instead of hundreds of derivative-free evaluations.
 */
interface SmoothLogLikelihood {

    /**
     * The log-likelihood at {@code p}; when {@code gradient} is not null, also writes its gradient there and its
     * Hessian into {@code hessian} ({@code p.length} rows of {@code p.length}). May return a non-finite value where
     * the likelihood is not defined.
     */
    double evaluate(double[] p, double[] gradient, double[][] hessian);

    /** The value alone. */
    default double value(double[] p) {
        return evaluate(p, null, null);
    }
}
