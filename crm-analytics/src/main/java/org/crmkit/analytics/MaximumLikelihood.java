package org.crmkit.analytics;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalArgumentException;
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
 * Maximum-likelihood fitting shared by every model, over the logarithms of the parameters (which keeps them positive
 * without constraints).
 *
 * <p>A model whose likelihood comes with exact derivatives ({@link SmoothLogLikelihood}) is fitted by Newton's method
 * with Levenberg-Marquardt damping: each step solves the damped Newton system (Hipparchus Cholesky), is shortened to
 * at most {@value #MAX_LOG_STEP} in any log-parameter, and is accepted only if it improves the objective, otherwise
 * the damping grows tenfold. It stops when the Newton decrement {@code g' H^-1 g} falls below 1e-16 of the objective,
 * typically after 10 to 30 evaluations; a run that has not converged within {@value #MAX_NEWTON_ITERATIONS}
 * iterations continues with Nelder-Mead from its best point. Standard errors then come from the exact Hessian.
 *
 * <p>Other models use Nelder-Mead (Hipparchus), restarted from its own optimum until a restart no longer improves
 * the objective (a single Nelder-Mead run can stall on a ridge), with standard errors from the inverse of a
 * central-difference Hessian of the negative log-likelihood in the natural parameters.
 *
 * <p>Either way a Hessian that is not positive definite at the optimum means the likelihood is flat in some
 * direction, and a parameter whose logarithm leaves +-{@value #LOG_PARAMETER_BOUND} runs off to 0 or infinity: the
 * fit is refused rather than returned.
 */
final class MaximumLikelihood {

    /** Parameters whose logarithm leaves this range went to 0 or infinity: the data do not identify the model. */
    private static final double LOG_PARAMETER_BOUND = 25;

    private static final int MAX_RESTARTS = 8;
    private static final int MAX_NEWTON_ITERATIONS = 200;
    /** The longest Newton step in any log-parameter (a factor of e^2 in the parameter). */
    private static final double MAX_LOG_STEP = 2;

    private static final double MAX_DAMPING = 1e12;
    /**
     * The penalizers tried, smallest first, when the data cannot identify a model without one: small enough to move
     * identified parameters little (a few percent on a few hundred CDNOW customers), large enough to hold a ratio
     * the data fix but not its scale (BG/NBD's a and b running off together).
     */
    private static final double[] SUGGESTED_PENALIZERS = {0.0001, 0.001, 0.01, 0.1};

    private MaximumLikelihood() {}

    /** The outcome of a fit, in the natural parameters; the standard errors are never empty. */
    record Estimate(double[] parameters, double logLikelihood, Map<String, Double> standardErrors, int evaluations) {}

    /**
     * Fits the parameters named {@code names} by maximising {@code logLikelihood} (the weighted total over all
     * customers, in natural parameters), penalised as {@link FitOptions} describes.
     */
    static Estimate fit(
            String model,
            String[] names,
            ToDoubleFunction<double[]> logLikelihood,
            double customers,
            double[] start,
            FitOptions options) {
        return withPenalizerAdvice(
                model, names, options, tried -> fitByNelderMead(model, names, logLikelihood, customers, start, tried));
    }

    /**
     * Runs a fit; when a fit without penalty finds that the data cannot identify the model, tries the penalizers of
     * {@link #SUGGESTED_PENALIZERS} from the smallest, and names in the refusal the first that identifies it, with
     * the parameters it gives, so that the analyst knows what to try (the fit is still refused: a penalty changes
     * the estimate, which is the analyst's choice to make).
     */
    private static Estimate withPenalizerAdvice(
            String model, String[] names, FitOptions options, Function<FitOptions, Estimate> fit) {
        try {
            return fit.apply(options);
        } catch (AnalyticsException unidentified) {
            if (options.penalizer() > 0 || unidentified.reason() != AnalyticsException.Reason.INSUFFICIENT_DATA) {
                throw unidentified;
            }
            for (double penalizer : SUGGESTED_PENALIZERS) {
                Estimate penalized;
                try {
                    penalized = fit.apply(options.withPenalizer(penalizer));
                } catch (AnalyticsException alsoUnidentified) {
                    continue;
                }
                String value =
                        BigDecimal.valueOf(penalizer).stripTrailingZeros().toPlainString();
                throw new AnalyticsException(
                        AnalyticsException.Reason.INSUFFICIENT_DATA,
                        model,
                        unidentified.problem() + "; a penalizer of " + value + " identifies it (FitOptions"
                                + ".withPenalizer(" + value + "), --penalizer " + value + " on the command line): "
                                + named(names, penalized.parameters()) + "; try it, or more customers",
                        unidentified);
            }
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA,
                    model,
                    unidentified.problem() + "; no penalizer up to "
                            + SUGGESTED_PENALIZERS[SUGGESTED_PENALIZERS.length - 1]
                            + " identifies it either: more customers are needed",
                    unidentified);
        }
    }

    private static Estimate fitByNelderMead(
            String model,
            String[] names,
            ToDoubleFunction<double[]> logLikelihood,
            double customers,
            double[] start,
            FitOptions options) {
        Optimum optimum = nelderMead(model, logLikelihood, customers, start, options);
        double[] parameters = identified(model, names, optimum.point);
        double ll = logLikelihood.applyAsDouble(parameters);
        return estimate(
                model,
                names,
                parameters,
                ll,
                standardErrors(names, parameters, logLikelihood, options, customers),
                optimum.evaluations);
    }

    private static Optimum nelderMead(
            String model,
            ToDoubleFunction<double[]> logLikelihood,
            double customers,
            double[] start,
            FitOptions options) {
        ToDoubleFunction<double[]> objective = logParameters -> {
            double[] p = exp(logParameters);
            double value = penalized(logLikelihood.applyAsDouble(p), p, customers, options);
            return Double.isFinite(value) ? value : Double.MAX_VALUE;
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
                PointValuePair best = optimizer.optimize(
                        new MaxEval(budget),
                        new ObjectiveFunction(objective::applyAsDouble),
                        GoalType.MINIMIZE,
                        new InitialGuess(point),
                        new NelderMeadSimplex(point.length, 0.5));
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
            throw new AnalyticsException(
                    AnalyticsException.Reason.FIT_FAILED,
                    model,
                    "no convergence within " + options.maxEvaluations() + " evaluations",
                    e);
        }
        if (value == Double.MAX_VALUE || !Double.isFinite(value)) {
            throw failed(model, "the optimiser found no point with a finite log-likelihood");
        }
        return new Optimum(point, evaluations);
    }

    /**
     * Fits the parameters named {@code names} by maximising {@code logLikelihood} with Newton steps (see the class
     * comment), penalised as {@link FitOptions} describes.
     */
    static Estimate fit(
            String model,
            String[] names,
            SmoothLogLikelihood logLikelihood,
            double customers,
            double[] start,
            FitOptions options) {
        return withPenalizerAdvice(
                model, names, options, tried -> fitByNewton(model, names, logLikelihood, customers, start, tried));
    }

    private static Estimate fitByNewton(
            String model,
            String[] names,
            SmoothLogLikelihood logLikelihood,
            double customers,
            double[] start,
            FitOptions options) {
        Optimum optimum = newton(model, logLikelihood, customers, start, options);
        double[] parameters = identified(model, names, optimum.point);
        int n = parameters.length;
        double[] gradient = new double[n];
        double[][] hessian = new double[n][n];
        double ll = logLikelihood.evaluate(parameters, gradient, hessian);
        RealMatrix information = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                information.setEntry(i, j, -hessian[i][j] + (i == j ? 2 * customers * options.penalizer() : 0));
            }
        }
        return estimate(model, names, parameters, ll, standardErrors(names, information), optimum.evaluations);
    }

    private static Optimum newton(
            String model, SmoothLogLikelihood logLikelihood, double customers, double[] start, FitOptions options) {
        int n = start.length;
        double[] theta = log(start);
        double[] gradient = new double[n];
        double[][] hessian = new double[n][n];
        double value = penalized(logLikelihood.evaluate(start, gradient, hessian), start, customers, options);
        int evaluations = 1;
        if (!Double.isFinite(value)) {
            throw failed(model, "the log-likelihood is not finite at the starting point");
        }
        double damping = 0;
        for (int iteration = 0; iteration < MAX_NEWTON_ITERATIONS; iteration++) {
            double[] p = exp(theta);
            double[] g = new double[n];
            RealMatrix curvature = MatrixUtils.createRealMatrix(n, n);
            for (int i = 0; i < n; i++) {
                g[i] = p[i] * (gradient[i] / customers - 2 * options.penalizer() * p[i]);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double second = p[i] * p[j] * (hessian[i][j] / customers - (i == j ? 2 * options.penalizer() : 0));
                    curvature.setEntry(i, j, -second - (i == j ? g[i] : 0));
                }
            }
            double[] newtonStep = dampedNewtonStep(curvature, g, 0);
            double decrement = newtonStep == null ? Double.POSITIVE_INFINITY : dot(g, newtonStep);
            if (decrement <= 1e-16 * Math.max(1, Math.abs(value))) {
                return new Optimum(theta, evaluations);
            }
            boolean moved = false;
            while (!moved) {
                if (evaluations >= options.maxEvaluations()) {
                    throw failed(model, "no convergence within " + options.maxEvaluations() + " evaluations");
                }
                double[] step = damping == 0 ? newtonStep : dampedNewtonStep(curvature, g, damping);
                if (step == null) {
                    damping = nextDamping(damping, curvature);
                    if (damping > MAX_DAMPING) {
                        return nelderMeadFrom(model, logLikelihood, customers, theta, options, evaluations);
                    }
                    continue;
                }
                double longest = 0;
                for (double s : step) {
                    longest = Math.max(longest, Math.abs(s));
                }
                double[] candidate = theta.clone();
                for (int i = 0; i < n; i++) {
                    candidate[i] += longest > MAX_LOG_STEP ? step[i] * MAX_LOG_STEP / longest : step[i];
                }
                double[] q = exp(candidate);
                double[] candidateGradient = new double[n];
                double[][] candidateHessian = new double[n][n];
                double candidateValue = penalized(
                        logLikelihood.evaluate(q, candidateGradient, candidateHessian), q, customers, options);
                evaluations++;
                if (Double.isFinite(candidateValue) && candidateValue <= value) {
                    theta = candidate;
                    value = candidateValue;
                    gradient = candidateGradient;
                    hessian = candidateHessian;
                    damping = damping < 1e-12 ? 0 : damping / 10;
                    moved = true;
                    if (runsOff(theta)) {
                        return new Optimum(theta, evaluations);
                    }
                } else {
                    damping = nextDamping(damping, curvature);
                    if (damping > MAX_DAMPING) {
                        if (decrement <= 1e-10 * Math.max(1, Math.abs(value))) {
                            return new Optimum(theta, evaluations);
                        }
                        return nelderMeadFrom(model, logLikelihood, customers, theta, options, evaluations);
                    }
                }
            }
        }
        return nelderMeadFrom(model, logLikelihood, customers, theta, options, evaluations);
    }

    /** The objective minimised: the negative mean log-likelihood plus the L2 penalty. */
    private static double penalized(double logLikelihood, double[] p, double customers, FitOptions options) {
        double penalty = 0;
        for (double v : p) {
            penalty += v * v;
        }
        return -logLikelihood / customers + options.penalizer() * penalty;
    }

    /**
     * Solves (curvature + damping I) step = gradient, the gradient of the log-likelihood side (the ascent direction);
     * null when that matrix is not positive definite.
     */
    private static double[] dampedNewtonStep(RealMatrix curvature, double[] gradient, double damping) {
        RealMatrix damped = curvature.copy();
        for (int i = 0; i < gradient.length; i++) {
            damped.addToEntry(i, i, damping);
        }
        try {
            double[] step = new CholeskyDecomposition(damped, 1e-14, 1e-300)
                    .getSolver()
                    .solve(MatrixUtils.createRealVector(gradient))
                    .toArray();
            for (double s : step) {
                if (!Double.isFinite(s)) {
                    return null;
                }
            }
            return step;
        } catch (MathIllegalArgumentException notPositiveDefinite) {
            return null;
        }
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    private static double nextDamping(double damping, RealMatrix curvature) {
        if (damping > 0) {
            return damping * 10;
        }
        double scale = 0;
        for (int i = 0; i < curvature.getRowDimension(); i++) {
            scale = Math.max(scale, Math.abs(curvature.getEntry(i, i)));
        }
        return 1e-6 * Math.max(scale, 1e-6);
    }

    private static boolean runsOff(double[] theta) {
        for (double t : theta) {
            if (Math.abs(t) > LOG_PARAMETER_BOUND) {
                return true;
            }
        }
        return false;
    }

    private static Optimum nelderMeadFrom(
            String model,
            SmoothLogLikelihood logLikelihood,
            double customers,
            double[] theta,
            FitOptions options,
            int spent) {
        FitOptions rest = new FitOptions(options.penalizer(), Math.max(100, options.maxEvaluations() - spent));
        Optimum optimum = nelderMead(model, logLikelihood::value, customers, exp(theta), rest);
        return new Optimum(optimum.point, spent + optimum.evaluations);
    }

    private record Optimum(double[] point, int evaluations) {}

    /** The natural parameters at {@code point} (log space), refused when one runs off to 0 or infinity. */
    private static double[] identified(String model, String[] names, double[] point) {
        for (int i = 0; i < point.length; i++) {
            if (Math.abs(point[i]) > LOG_PARAMETER_BOUND) {
                throw new AnalyticsException(
                        AnalyticsException.Reason.INSUFFICIENT_DATA,
                        model,
                        "parameter " + names[i] + " runs off to " + (point[i] > 0 ? "infinity" : "zero") + " ("
                                + Math.exp(point[i]) + "): the data cannot identify the model");
            }
        }
        return exp(point);
    }

    private static Estimate estimate(
            String model, String[] names, double[] parameters, double ll, Map<String, Double> errors, int evaluations) {
        if (errors.isEmpty()) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA,
                    model,
                    "the likelihood is flat at the optimum " + named(names, parameters)
                            + ", so the data cannot identify the model");
        }
        return new Estimate(parameters, ll, errors, evaluations);
    }

    private static Map<String, Double> standardErrors(
            String[] names, double[] p, ToDoubleFunction<double[]> ll, FitOptions options, double customers) {
        int n = p.length;
        ToDoubleFunction<double[]> f = q -> customers * penalized(ll.applyAsDouble(q), q, customers, options);
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
        return standardErrors(names, hessian);
    }

    /** Square roots of the diagonal of the inverse of {@code information}; empty unless it is positive definite. */
    private static Map<String, Double> standardErrors(String[] names, RealMatrix information) {
        int n = names.length;
        Map<String, Double> errors = new LinkedHashMap<>();
        try {
            RealMatrix covariance = new CholeskyDecomposition(information, 1e-12, 1e-14)
                    .getSolver()
                    .getInverse();
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
