package org.alliancepulse.session.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a client's answers, checks them against an instrument's definition and scores them as the definition says.
 * Pure: no I/O, no clock.
 */
public final class Scoring {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    /**
     * The scores of one completed questionnaire.
     *
     * @param allianceIndex the total on 0-100 by the instrument's index formula; null where it has none (ORS)
     * @param subscaleIndices each subscale on 0-100 by the same formula over its own items; null where the
     *        instrument has no index
     */
    public record Score(BigDecimal total, Map<String, BigDecimal> subscales, BigDecimal allianceIndex,
            Map<String, BigDecimal> subscaleIndices) {
    }

    /** Why answers were refused, field by field ({@code answers}, {@code answers[i]} or {@code answers.key}). */
    public record Refusal(String field, String message) {
    }

    /** Answers as read from a request: the numbers in item order, or why they cannot be. */
    public record Read(List<BigDecimal> answers, List<Refusal> refusals) {
    }

    /** {@code answers[3]} → {@code answers.overall}: the item's key; any other field as it is. */
    private static String byKey(Instrument instrument, String field) {
        var position = java.util.regex.Pattern.compile("answers\\[(\\d+)]").matcher(field);
        if (position.matches()) {
            int index = Integer.parseInt(position.group(1));
            if (index < instrument.items().size()) {
                return "answers." + instrument.items().get(index).key();
            }
        }
        return field;
    }

    /** One of the built-in instruments (SRS, WAI-SR, ORS); an organisation's own are found by the catalogue. */
    public static Optional<Instrument> instrument(String code) {
        return Instrument.BUILT_IN.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /**
     * Reads answers given as an array in item order ({@code [7, 8, 7.5, 8]}) or as an object keyed by item key
     * ({@code {"relationship": 7, ...}}), then checks them. Non-numbers, unknown keys and missing keys are refused
     * by name.
     */
    public static Read read(Instrument instrument, JsonNode node) {
        List<Refusal> refusals = new ArrayList<>();
        List<BigDecimal> answers = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new Read(List.of(), List.of(new Refusal("answers", "is required")));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode answer = node.get(i);
                BigDecimal value = decimalOf(answer);
                if (answer.isNull()) {
                    answers.add(null);
                } else if (value == null) {
                    refusals.add(new Refusal("answers[" + i + "]", "must be a number"));
                    answers.add(null);
                } else {
                    answers.add(value);
                }
            }
        } else if (node.isObject()) {
            Set<String> known = new HashSet<>();
            for (Instrument.Item item : instrument.items()) {
                known.add(item.key());
                JsonNode answer = node.get(item.key());
                BigDecimal value = answer == null ? null : decimalOf(answer);
                if (answer == null || answer.isNull()) {
                    refusals.add(new Refusal("answers." + item.key(), "is missing"));
                } else if (value == null) {
                    refusals.add(new Refusal("answers." + item.key(), "must be a number"));
                } else {
                    answers.add(value);
                }
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    refusals.add(new Refusal("answers." + key, "is not an item of " + instrument.code()));
                }
            });
        } else {
            refusals.add(new Refusal("answers", "must be an array in item order or an object keyed by item"));
        }
        if (!refusals.isEmpty()) {
            return new Read(List.of(), refusals);
        }
        List<Refusal> checked = check(instrument, answers);
        if (node.isObject()) {
            // answers given by key are refused by key, as they were written (outside probe: answers.ORS[3])
            checked = checked.stream().map(r -> new Refusal(byKey(instrument, r.field()), r.message())).toList();
        }
        return new Read(checked.isEmpty() ? List.copyOf(answers) : List.of(), checked);
    }

    /** A number as a decimal; null for anything else, or a number none holds (1e400 is read as infinity). */
    private static BigDecimal decimalOf(JsonNode number) {
        if (!number.isNumber()) {
            return null;
        }
        try {
            return number.decimalValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Every reason the answers cannot be scored; empty when they can. */
    public static List<Refusal> check(Instrument instrument, List<BigDecimal> answers) {
        List<Refusal> refusals = new ArrayList<>();
        if (answers == null || answers.size() != instrument.itemCount()) {
            refusals.add(new Refusal("answers", instrument.code() + " has " + instrument.itemCount()
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
        instrument.subscales().forEach((name, keys) -> subscales.put(name, keys.stream()
                .map(key -> answers.get(instrument.indexOf(key))).reduce(BigDecimal.ZERO, BigDecimal::add)));
        Map<String, BigDecimal> subscaleIndices = null;
        if (instrument.index() == Instrument.IndexFormula.LINEAR) {
            Map<String, BigDecimal> indices = new TreeMap<>();
            subscales.forEach((name, sum) -> indices.put(name,
                    linear(instrument, instrument.subscales().get(name).size(), sum)));
            subscaleIndices = indices;
        }
        return new Score(total, subscales, index(instrument, total), subscaleIndices);
    }

    /** The total on 0-100: LINEAR maps [items x min, items x max] onto [0, 100], to two decimals. */
    public static BigDecimal index(Instrument instrument, BigDecimal total) {
        if (instrument.index() != Instrument.IndexFormula.LINEAR) {
            return null;
        }
        return linear(instrument, instrument.itemCount(), total);
    }

    /** A sum over {@code count} items mapped from [count x min, count x max] onto [0, 100], to two decimals. */
    private static BigDecimal linear(Instrument instrument, int count, BigDecimal sum) {
        BigDecimal items = BigDecimal.valueOf(count);
        BigDecimal total = sum;
        BigDecimal lowest = instrument.min().multiply(items);
        BigDecimal span = instrument.max().subtract(instrument.min()).multiply(items);
        return total.subtract(lowest).multiply(HUNDRED).divide(span, 2, RoundingMode.HALF_UP);
    }
}
