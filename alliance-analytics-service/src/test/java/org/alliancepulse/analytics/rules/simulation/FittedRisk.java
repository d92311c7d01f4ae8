package org.alliancepulse.analytics.rules.simulation;

import java.util.ArrayList;
import java.util.List;

import org.alliancepulse.analytics.course.Attendance;
import org.alliancepulse.analytics.course.SessionObservation;
import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.analytics.rules.CourseAssessment;
import org.alliancepulse.analytics.rules.DropoutRisk;
import org.alliancepulse.analytics.rules.NetworkSd;
import org.alliancepulse.analytics.rules.SessionAssessment;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator.Ending;
import org.alliancepulse.analytics.rules.simulation.CohortSimulator.SimulatedDyad;

/**
 * A diagnostic, not a rule: how much of the dropout-risk AUC gap is the unfitted weights? Fits a logistic regression
 * (Newton-Raphson, light ridge) on the model's own factor values in one cohort and scores it on another, with the
 * per-session label of the evaluation (the client left after this session). {@link #weights} is how the default
 * weights were set (docs/clinical-rules.md): that fit, then one Platt step onto the episode scale.
 */
final class FittedRisk {

    private FittedRisk() {
    }

    /** AUC on {@code test} of the weights fitted on {@code train}. */
    static double auc(List<SimulatedDyad> train, List<SimulatedDyad> test, ClinicalThresholds t) {
        List<double[]> trainRows = rows(train, t);
        double[] beta = fit(trainRows, trainRows.get(0).length - 2);
        List<double[]> scored = new ArrayList<>();
        for (double[] row : rows(test, t)) {
            double eta = 0;
            for (int j = 0; j < beta.length; j++) {
                eta += beta[j] * row[j + 1];
            }
            scored.add(new double[] { eta, 0, row[0] });
        }
        return CohortEvaluation.auc(scored, 0);
    }

    /**
     * The two steps that set the default weights: the per-session fit, then a logistic regression of "this episode
     * ended in dropout" on its linear predictor (Platt), whose slope scales every weight and whose intercept with the
     * scaled one gives the calibrated intercept. Unrounded; one line per factor, the intercept first.
     */
    static String weights(List<SimulatedDyad> train, ClinicalThresholds t) {
        List<double[]> perSession = rows(train, t);
        double[] beta = fit(perSession, perSession.get(0).length - 2);
        List<double[]> platt = new ArrayList<>();
        for (double[] row : perSession) {
            double eta = 0;
            for (int j = 0; j < beta.length; j++) {
                eta += beta[j] * row[j + 1];
            }
            platt.add(new double[] { row[row.length - 1], 1, eta });
        }
        double[] step = fit(platt);
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                "  Platt slope %.3f, intercept %.3f%n  calibrated intercept %.3f%n", step[1], step[0],
                step[0] + step[1] * beta[0]));
        List<DropoutRisk.Contribution> names = CourseAssessment.assess(train.get(0).course(),
                CohortEvaluation.eventTimeSd(train, t).apply(train.get(0)), t).get(0).risk().contributions();
        for (int j = 1; j < beta.length; j++) {
            out.append(String.format(java.util.Locale.ROOT, "  %-24s %.3f%n", names.get(j - 1).factor(),
                    step[1] * beta[j]));
        }
        return out.toString();
    }

    /** Rows [label, 1, factor values..., episode ended in dropout] for the sessions the evaluation scores. */
    private static List<double[]> rows(List<SimulatedDyad> cohort, ClinicalThresholds t) {
        var networkSd = CohortEvaluation.eventTimeSd(cohort, t);
        List<double[]> rows = new ArrayList<>();
        for (SimulatedDyad dyad : cohort) {
            boolean dropout = dyad.truth().ending() == Ending.DROPOUT;
            int lastAtRisk = dropout ? dyad.truth().dropoutAfter() : dyad.truth().lastSession() - 1;
            for (SessionAssessment a : CourseAssessment.assess(dyad.course(), networkSd.apply(dyad), t)) {
                int n = a.session().number();
                if (n <= lastAtRisk && a.attendance() != Attendance.NOT_RECORDED) {
                    List<DropoutRisk.Contribution> parts = a.risk().contributions();
                    double[] row = new double[parts.size() + 3];
                    row[0] = dropout && n == dyad.truth().dropoutAfter() ? 1 : 0;
                    row[1] = 1;
                    for (int j = 0; j < parts.size(); j++) {
                        row[j + 2] = parts.get(j).value();
                    }
                    row[row.length - 1] = dropout ? 1 : 0;
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static double[] fit(List<double[]> rows) {
        return fit(rows, rows.get(0).length - 1);
    }

    /** Logistic regression of column 0 on columns 1..k. */
    private static double[] fit(List<double[]> rows, int k) {
        double[] beta = new double[k];
        for (int iteration = 0; iteration < 25; iteration++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (double[] row : rows) {
                double eta = 0;
                for (int j = 0; j < k; j++) {
                    eta += beta[j] * row[j + 1];
                }
                double p = 1 / (1 + Math.exp(-eta));
                for (int i = 0; i < k; i++) {
                    gradient[i] += (row[0] - p) * row[i + 1];
                    for (int j = 0; j < k; j++) {
                        hessian[i][j] += p * (1 - p) * row[i + 1] * row[j + 1];
                    }
                }
            }
            for (int i = 0; i < k; i++) {
                gradient[i] -= 1e-3 * beta[i];
                hessian[i][i] += 1e-3;
            }
            double[] step = solve(hessian, gradient);
            for (int i = 0; i < k; i++) {
                beta[i] += step[i];
            }
        }
        return beta;
    }

    /** Gaussian elimination with partial pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] rowSwap = a[col];
            a[col] = a[pivot];
            a[pivot] = rowSwap;
            double bSwap = b[col];
            b[col] = b[pivot];
            b[pivot] = bSwap;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                b[r] -= f * b[col];
                for (int c = col; c < n; c++) {
                    a[r][c] -= f * a[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = b[r];
            for (int c = r + 1; c < n; c++) {
                sum -= a[r][c] * x[c];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }
}
