package org.alliancepulse.session.instrument;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What an organisation's own instrument definition must satisfy before it can score anything. Pure. */
public final class InstrumentRules {

    static final String CODE = "[A-Z0-9][A-Z0-9-]{0,19}";
    static final String KEY = "[a-z][a-z0-9-]{0,39}";
    static final int MAX_ITEMS = 100;
    static final int MAX_LABEL = 500;

    private InstrumentRules() {
    }

    /** A NUL or another control character: shown on a client's form and in exports, never meant. */
    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** Every reason the definition cannot be used; empty when it can. */
    public static List<Scoring.Refusal> check(Instrument d) {
        List<Scoring.Refusal> refusals = new ArrayList<>();
        if (d.code() == null || !d.code().matches(CODE)) {
            refusals.add(new Scoring.Refusal("code", "must be 1-20 upper-case letters, digits or dashes"));
        } else if (Scoring.instrument(d.code()).isPresent()) {
            refusals.add(new Scoring.Refusal("code", d.code() + " is built in"));
        }
        if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
            refusals.add(new Scoring.Refusal("name", "is required (at most 200 characters)"));
        } else if (hasControlCharacter(d.name())) {
            refusals.add(new Scoring.Refusal("name", "must not contain control characters"));
        }
        if (d.measures() == null) {
            refusals.add(new Scoring.Refusal("measures", "is required: ALLIANCE or OUTCOME"));
        }
        if (d.index() == null) {
            refusals.add(new Scoring.Refusal("index", "is required: LINEAR or NONE"));
        } else if (d.measures() == Instrument.Measures.ALLIANCE && d.index() != Instrument.IndexFormula.LINEAR) {
            refusals.add(new Scoring.Refusal("index", "an alliance instrument needs LINEAR (its 0-100 index)"));
        }
        Set<String> keys = new HashSet<>();
        if (d.items() == null || d.items().isEmpty() || d.items().size() > MAX_ITEMS) {
            refusals.add(new Scoring.Refusal("items", "must have 1 to " + MAX_ITEMS + " items"));
        } else {
            for (int i = 0; i < d.items().size(); i++) {
                Instrument.Item item = d.items().get(i);
                String field = "items[" + i + "]";
                if (item == null || item.key() == null || !item.key().matches(KEY)) {
                    refusals.add(new Scoring.Refusal(field + ".key", "must be lower-case letters, digits or dashes"));
                } else if (!keys.add(item.key())) {
                    refusals.add(new Scoring.Refusal(field + ".key", item.key() + " appears twice"));
                }
                if (item != null && item.label() != null && item.label().length() > MAX_LABEL) {
                    refusals.add(new Scoring.Refusal(field + ".label", "may have at most " + MAX_LABEL + " characters"));
                } else if (item != null && item.label() != null && hasControlCharacter(item.label())) {
                    refusals.add(new Scoring.Refusal(field + ".label", "must not contain control characters"));
                }
            }
        }
        if (d.decimals() < 0 || d.decimals() > 2) {
            refusals.add(new Scoring.Refusal("decimals", "must be 0, 1 or 2"));
        }
        if (d.min() == null || d.max() == null) {
            refusals.add(new Scoring.Refusal(d.min() == null ? "min" : "max", "is required"));
        } else {
            if (d.min().compareTo(d.max()) >= 0) {
                refusals.add(new Scoring.Refusal("max", "must be greater than min"));
            }
            if (d.min().signum() < 0 || d.max().compareTo(BigDecimal.valueOf(1000)) > 0) {
                refusals.add(new Scoring.Refusal("min", "the range must lie within 0 and 1000"));
            }
            // an end the answers cannot reach (0.5 with whole answers) is a scale no one can answer at its end
            for (var end : Map.of("min", d.min(), "max", d.max()).entrySet()) {
                if (d.decimals() >= 0 && end.getValue().stripTrailingZeros().scale() > d.decimals()) {
                    refusals.add(new Scoring.Refusal(end.getKey(), "must have at most " + d.decimals()
                            + " decimal place(s), as the answers"));
                }
            }
        }
        Map<String, List<String>> subscales = d.subscales() == null ? Map.of() : d.subscales();
        subscales.forEach((name, members) -> {
            if (name == null || !name.matches(KEY)) {
                refusals.add(new Scoring.Refusal("subscales", "subscale names must be lower-case letters, digits or dashes"));
            } else if (members == null || members.isEmpty()) {
                refusals.add(new Scoring.Refusal("subscales." + name, "must name at least one item"));
            } else {
                members.stream().filter(key -> !keys.contains(key)).forEach(key -> refusals.add(
                        new Scoring.Refusal("subscales." + name, key + " is not an item key")));
            }
        });
        return refusals;
    }
}
