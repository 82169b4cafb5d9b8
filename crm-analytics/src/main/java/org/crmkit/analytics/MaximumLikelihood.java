package org.crmkit.analytics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fitting shared by every model: Nelder-Mead (Hipparchus) over the logarithms of the parameters,
 * which keeps them positive without constraints, restarted from its own optimum until a restart no longer improves
 * the objective (a single Nelder-Mead run can stall on a ridge). Standard errors come from the inverse of a
 * central-difference Hessian of the negative log-likelihood in the natural parameters. A Hessian that is not
 * positive definite means the likelihood is flat in some direction: the fit is refused rather than returned.
 */
final class MaximumLikelihood {

    /** Parameters whose logarithm leaves this range went to 0 or infinity: the data do not identify the model. */
    private static final double LOG_PARAMETER_BOUND = 25;
    private static final int MAX_RESTARTS = 8;

    private MaximumLikelihood() {
    }

    /** The outcome of a fit, in the natural parameters; the standard errors are never empty. */
    record Estimate(double[] parameters, double logLikelihood, Map<String, Double> standardErrors, int evaluations) {
    }

    /**
     * Fits the parameters named {@code names} by maximising {@code logLikelihood} (the weighted total over all
     * customers, in natural parameters), penalised as {@link FitOptions} describes.
     */
    static Estimate fit(String model, String[] names, ToDoubleFunction<double[]> logLikelihood, double customers,
                        double[] start, FitOptions options) {
        ToDoubleFunction<double[]> objective = logParameters -> {
            double[] p = exp(logParameters);
            double ll = logLikelihood.applyAsDouble(p);
            if (!Double.isFinite(ll)) {
                return Double.MAX_VALUE;
            }
            double penalty = 0;
            for (double v : p) {
                penalty += v * v;
            }
            return -ll / customers + options.penalizer() * penalty;
        };
        double[] point = log(start);
        double value = objective.applyAsDouble(point);
        if (value == Double.MAX_VALUE) {
            throw failed(model, "the log-likelihood is not finite at the starting point");
        }
        int evaluations = 0;
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-13, 1e-13);
        try {
            for (int restart = 0; restart < MAX_RESTARTS; restart++) {
                int budget = options.maxEvaluations() - evaluations;
                if (budget <= 0) {
                    throw failed(model, "no convergence within " + options.maxEvaluations() + " evaluations");
                }
                PointValuePair best = optimizer.optimize(new MaxEval(budget),
                        new ObjectiveFunction(objective::applyAsDouble), GoalType.MINIMIZE,
                        new InitialGuess(point), new NelderMeadSimplex(point.length, 0.5));
                evaluations += optimizer.getEvaluations();
                boolean improved = best.getValue() < value - 1e-11 * Math.max(1, Math.abs(value));
                if (best.getValue() <= value) {
                    point = best.getPoint();
                    value = best.getValue();
                }
                if (!improved) {
                    break;
                }
            }
        } catch (MathIllegalStateException e) {
            throw new AnalyticsException(AnalyticsException.Reason.FIT_FAILED, model,
                    "no convergence within " + options.maxEvaluations() + " evaluations", e);
        }
        if (value == Double.MAX_VALUE || !Double.isFinite(value)) {
            throw failed(model, "the optimiser found no point with a finite log-likelihood");
        }
        for (int i = 0; i < point.length; i++) {
            if (Math.abs(point[i]) > LOG_PARAMETER_BOUND) {
                throw new AnalyticsException(AnalyticsException.Reason.INSUFFICIENT_DATA, model,
                        "parameter " + names[i] + " runs off to " + (point[i] > 0 ? "infinity" : "zero")
                                + " (" + Math.exp(point[i]) + "): the data cannot identify the model;"
                                + " try a penalizer or more customers");
            }
        }
        double[] parameters = exp(point);
        double ll = logLikelihood.applyAsDouble(parameters);
        Map<String, Double> errors = standardErrors(names, parameters, logLikelihood, options, customers);
        if (errors.isEmpty()) {
            throw new AnalyticsException(AnalyticsException.Reason.INSUFFICIENT_DATA, model,
                    "the likelihood is flat at the optimum " + named(names, parameters)
                            + ", so the data cannot identify the model; try a penalizer or more varied customers");
        }
        return new Estimate(parameters, ll, errors, evaluations);
    }

    private static Map<String, Double> standardErrors(String[] names, double[] p, ToDoubleFunction<double[]> ll,
                                                      FitOptions options, double customers) {
        int n = p.length;
        ToDoubleFunction<double[]> f = q -> {
            double penalty = 0;
            for (double v : q) {
                penalty += v * v;
            }
            return -ll.applyAsDouble(q) + customers * options.penalizer() * penalty;
        };
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 1e-4 * p[i];
        }
        RealMatrix hessian = MatrixUtils.createRealMatrix(n, n);
        double center = f.applyAsDouble(p);
        for (int i = 0; i < n; i++) {
            double plus = f.applyAsDouble(shift(p, i, h[i], -1, 0));
            double minus = f.applyAsDouble(shift(p, i, -h[i], -1, 0));
            hessian.setEntry(i, i, (plus - 2 * center + minus) / (h[i] * h[i]));
            for (int j = 0; j < i; j++) {
                double pp = f.applyAsDouble(shift(p, i, h[i], j, h[j]));
                double pm = f.applyAsDouble(shift(p, i, h[i], j, -h[j]));
                double mp = f.applyAsDouble(shift(p, i, -h[i], j, h[j]));
                double mm = f.applyAsDouble(shift(p, i, -h[i], j, -h[j]));
                double value = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
                hessian.setEntry(i, j, value);
                hessian.setEntry(j, i, value);
            }
        }
        Map<String, Double> errors = new LinkedHashMap<>();
        try {
            RealMatrix covariance = new CholeskyDecomposition(hessian, 1e-12, 1e-14).getSolver().getInverse();
            for (int i = 0; i < n; i++) {
                double variance = covariance.getEntry(i, i);
                if (!(variance > 0) || Double.isInfinite(variance)) {
                    return Map.of();
                }
                errors.put(names[i], Math.sqrt(variance));
            }
        } catch (RuntimeException notPositiveDefinite) {
            return Map.of();
        }
        return Collections.unmodifiableMap(errors);
    }

    private static double[] shift(double[] p, int i, double di, int j, double dj) {
        double[] q = p.clone();
        q[i] += di;
        if (j >= 0) {
            q[j] += dj;
        }
        return q;
    }

    private static double[] exp(double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.exp(values[i]);
        }
        return result;
    }

    private static double[] log(double[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = Math.log(values[i]);
        }
        return result;
    }

    private static AnalyticsException failed(String model, String problem) {
        return new AnalyticsException(AnalyticsException.Reason.FIT_FAILED, model, problem);
    }

    /** Parameter names and values as an ordered, unmodifiable map. */
    static Map<String, Double> named(String[] names, double[] values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }
}
