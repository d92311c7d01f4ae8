package org.alliancepulse.session.feedback;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The structure of a questionnaire, not its wording (SRS, ORS and WAI-SR wording is licensed; a deploying
 * organisation loads its own): how many items, their range and precision, and which items make up which subscale.
 *
 * @param code e.g. {@code SRS}
 * @param measuresAlliance whether its score belongs to the alliance series (SRS, WAI-SR) or to outcome (ORS)
 * @param decimals decimal places an answer may have (visual analogue scales allow one)
 * @param subscales subscale name to its 1-based item numbers; total and subscales are plain sums
 */
public record Instrument(String code, String name, boolean measuresAlliance, int items, BigDecimal min,
        BigDecimal max, int decimals, Map<String, List<Integer>> subscales) {

    /** Session Rating Scale (Duncan, Miller et al. 2003): four 0-10 visual analogue items. */
    public static final Instrument SRS = new Instrument("SRS", "Session Rating Scale", true, 4,
            BigDecimal.ZERO, BigDecimal.TEN, 1,
            Map.of("bond", List.of(1), "goals", List.of(2), "tasks", List.of(3), "global", List.of(4)));

    /** Working Alliance Inventory, short revised (Hatcher and Gillaspy 2006): twelve 1-5 items, none reversed. */
    public static final Instrument WAI_SR = new Instrument("WAI-SR", "Working Alliance Inventory - Short Revised",
            true, 12, BigDecimal.ONE, BigDecimal.valueOf(5), 0,
            Map.of("tasks", List.of(1, 2, 10, 12), "goals", List.of(4, 6, 8, 11), "bond", List.of(3, 5, 7, 9)));

    /** Outcome Rating Scale (Miller et al. 2003): four 0-10 visual analogue items. Outcome, not alliance. */
    public static final Instrument ORS = new Instrument("ORS", "Outcome Rating Scale", false, 4,
            BigDecimal.ZERO, BigDecimal.TEN, 1,
            Map.of("individual", List.of(1), "interpersonal", List.of(2), "social", List.of(3),
                    "overall", List.of(4)));

    public static final List<Instrument> ALL = List.of(SRS, WAI_SR, ORS);
}
