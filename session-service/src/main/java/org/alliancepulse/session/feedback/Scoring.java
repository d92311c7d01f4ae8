package org.alliancepulse.session.feedback;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Checks a client's answers against an instrument's structure and scores them. Pure: no I/O, no clock. */
public final class Scoring {

    private Scoring() {
    }

    /** The scores of one completed questionnaire. */
    public record Score(BigDecimal total, Map<String, BigDecimal> subscales) {
    }

    /** Why answers were refused, field by field ({@code answers} or {@code answers[i]}). */
    public record Refusal(String field, String message) {
    }

    public static Optional<Instrument> instrument(String code) {
        return Instrument.ALL.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** Every reason the answers cannot be scored; empty when they can. */
    public static List<Refusal> check(Instrument instrument, List<BigDecimal> answers) {
        List<Refusal> refusals = new ArrayList<>();
        if (answers == null || answers.size() != instrument.items()) {
            refusals.add(new Refusal("answers", instrument.code() + " has " + instrument.items()
                    + " items; got " + (answers == null ? 0 : answers.size()) + " answers"));
            return refusals;
        }
        for (int i = 0; i < answers.size(); i++) {
            BigDecimal answer = answers.get(i);
            String field = "answers[" + i + "]";
            if (answer == null) {
                refusals.add(new Refusal(field, "is missing"));
            } else if (answer.compareTo(instrument.min()) < 0 || answer.compareTo(instrument.max()) > 0) {
                refusals.add(new Refusal(field, "must be between " + instrument.min() + " and " + instrument.max()));
            } else if (answer.stripTrailingZeros().scale() > instrument.decimals()) {
                refusals.add(new Refusal(field, instrument.decimals() == 0 ? "must be a whole number"
                        : "may have at most " + instrument.decimals() + " decimal place(s)"));
            }
        }
        return refusals;
    }

    /** @throws IllegalArgumentException when {@link #check} finds anything */
    public static Score score(Instrument instrument, List<BigDecimal> answers) {
        if (!check(instrument, answers).isEmpty()) {
            throw new IllegalArgumentException("answers do not fit " + instrument.code());
        }
        BigDecimal total = answers.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> subscales = new TreeMap<>();
        instrument.subscales().forEach((name, items) -> subscales.put(name,
                items.stream().map(item -> answers.get(item - 1)).reduce(BigDecimal.ZERO, BigDecimal::add)));
        return new Score(total, subscales);
    }
}
