package org.crmkit.analytics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model was estimated.
 *
 * @param logLikelihood  the (unpenalised) log-likelihood of the data at the estimate
 * @param standardErrors standard error per parameter from the inverse Hessian of the negative log-likelihood
 * @param customers      number of customers (or weighted patterns' total weight) the model was fitted to
 * @param evaluations    likelihood evaluations the optimiser spent
 */
public record ModelFit(double logLikelihood, Map<String, Double> standardErrors, double customers, int evaluations) {

    /** Copies the map, keeping its order. */
    public ModelFit {
        standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
    }

    static ModelFit of(MaximumLikelihood.Estimate estimate, double customers) {
        return new ModelFit(estimate.logLikelihood(), estimate.standardErrors(), customers, estimate.evaluations());
    }
}
