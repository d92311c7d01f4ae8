package org.alliancepulse.analytics.course;

import java.util.List;

/**
 * One alliance measure given at a session, on the shared 0-100 alliance index (CLINICAL.md), with Bordin's three
 * pillars on the same scale so a fall can be located.
 *
 * @param index    the total on 0-100 (SRS total x 2.5; WAI-SR (sum - 12) / 48 x 100)
 * @param bond     the bond pillar on 0-100 (SRS relationship item x 10; WAI-SR bond items (sum - 4) / 16 x 100)
 * @param goals    the goals pillar on 0-100 (SRS goals and topics item; WAI-SR goal items)
 * @param tasks    the tasks pillar on 0-100 (SRS approach or method item; WAI-SR task items)
 * @param srsTotal the raw SRS total 0-40, for the low-alliance cut-off; null when the measure was not an SRS
 */
public record AllianceMeasure(double index, double bond, double goals, double tasks, Double srsTotal) {

    public AllianceMeasure {
        requireIndex("index", index);
        requireIndex("bond", bond);
        requireIndex("goals", goals);
        requireIndex("tasks", tasks);
        if (srsTotal != null && (srsTotal < 0 || srsTotal > 40)) {
            throw new IllegalArgumentException("SRS total must be between 0 and 40, was " + srsTotal);
        }
    }

    /** An SRS (each item 0-10): relationship, goals and topics, approach or method, overall. */
    public static AllianceMeasure srs(double relationship, double goalsAndTopics, double approachOrMethod,
            double overall) {
        double total = relationship + goalsAndTopics + approachOrMethod + overall;
        return new AllianceMeasure(total * 2.5, relationship * 10, goalsAndTopics * 10, approachOrMethod * 10, total);
    }

    /**
     * A WAI-SR: the 12 answers (1-5) in item order. Task items 1, 2, 10, 12; goal items 4, 6, 8, 11; bond items 3, 5,
     * 7, 9 (Hatcher and Gillaspy 2006; plain sums, none reversed).
     */
    public static AllianceMeasure waiSr(List<Integer> answers) {
        if (answers.size() != 12) {
            throw new IllegalArgumentException("WAI-SR has 12 items; got " + answers.size() + " answers");
        }
        int sum = answers.stream().mapToInt(Integer::intValue).sum();
        return new AllianceMeasure((sum - 12) / 48.0 * 100, waiSubscale(answers, 3, 5, 7, 9),
                waiSubscale(answers, 4, 6, 8, 11), waiSubscale(answers, 1, 2, 10, 12), null);
    }

    private static double waiSubscale(List<Integer> answers, int... items) {
        int sum = 0;
        for (int item : items) {
            sum += answers.get(item - 1);
        }
        return (sum - 4) / 16.0 * 100;
    }

    private static void requireIndex(String name, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(name + " must be on 0-100, was " + value);
        }
    }
}
