package org.alliancepulse.session.instrument;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The structure of a questionnaire, not its wording (SRS, ORS and WAI-SR wording is licensed; a deploying
 * organisation loads its own): its items, their range and precision, which items make up which subscale, and how
 * the total maps to the 0-100 alliance index.
 *
 * @param code e.g. {@code SRS}; upper case letters, digits and dashes
 * @param measures whether its score belongs to the alliance series (SRS, WAI-SR) or to outcome (ORS)
 * @param items in the order they are asked; answers come in this order (or keyed by item key)
 * @param decimals decimal places an answer may have (visual analogue scales allow one)
 * @param subscales subscale name to its item keys; total and subscales are plain sums
 * @param index how the total becomes the 0-100 index: {@code LINEAR} maps [items x min, items x max] onto [0, 100]
 *        (SRS: total x 2.5; WAI-SR: (sum - 12) / 48 x 100); {@code NONE} for outcome instruments
 */
@Schema(example = "{\"code\":\"SRS\",\"name\":\"Session Rating Scale\",\"measures\":\"ALLIANCE\",\"items\":["
        + "{\"key\":\"relationship\",\"label\":null},{\"key\":\"goals\",\"label\":null},{\"key\":\"approach\",\"label\":null},{\"key\":\"overall\",\"label\":null}],"
        + "\"min\":0,\"max\":10,\"decimals\":1,\"subscales\":{\"bond\":[\"relationship\"],\"goals\":[\"goals\"],"
        + "\"tasks\":[\"approach\"],\"global\":[\"overall\"]},\"index\":\"LINEAR\",\"builtIn\":true}")
public record Instrument(String code, String name, Measures measures, List<Item> items, BigDecimal min,
        BigDecimal max, int decimals, Map<String, List<String>> subscales, IndexFormula index, boolean builtIn) {

    /** An instrument without subscales has none: left out of a definition, it scores the total alone. */
    public Instrument {
        subscales = subscales == null ? Map.of() : subscales;
    }

    public enum Measures {
        ALLIANCE, OUTCOME
    }

    public enum IndexFormula {
        LINEAR, NONE
    }

    /**
     * @param key stable name of the item, e.g. {@code relationship}
     * @param label the organisation's licensed wording, when it has loaded one; never shipped for SRS/ORS/WAI-SR
     */
    public record Item(String key, String label) {
    }

    /** Session Rating Scale (Duncan, Miller et al. 2003): four 0-10 visual analogue items. */
    public static final Instrument SRS = new Instrument("SRS", "Session Rating Scale", Measures.ALLIANCE,
            items("relationship", "goals", "approach", "overall"), BigDecimal.ZERO, BigDecimal.TEN, 1,
            ordered("bond", List.of("relationship"), "goals", List.of("goals"), "tasks", List.of("approach"),
                    "global", List.of("overall")),
            IndexFormula.LINEAR, true);

    /** Working Alliance Inventory, short revised (Hatcher and Gillaspy 2006): twelve 1-5 items, none reversed. */
    public static final Instrument WAI_SR = new Instrument("WAI-SR", "Working Alliance Inventory - Short Revised",
            Measures.ALLIANCE, IntStream.rangeClosed(1, 12).mapToObj(i -> new Item("item" + i, null)).toList(),
            BigDecimal.ONE, BigDecimal.valueOf(5), 0,
            ordered("tasks", keys(1, 2, 10, 12), "goals", keys(4, 6, 8, 11), "bond", keys(3, 5, 7, 9)),
            IndexFormula.LINEAR, true);

    /** Outcome Rating Scale (Miller et al. 2003): four 0-10 visual analogue items. Outcome, not alliance. */
    public static final Instrument ORS = new Instrument("ORS", "Outcome Rating Scale", Measures.OUTCOME,
            items("individual", "interpersonal", "social", "overall"), BigDecimal.ZERO, BigDecimal.TEN, 1,
            ordered("individual", List.of("individual"), "interpersonal", List.of("interpersonal"), "social",
                    List.of("social"), "overall", List.of("overall")),
            IndexFormula.NONE, true);

    public static final List<Instrument> BUILT_IN = List.of(SRS, WAI_SR, ORS);

    /** The same structure with the organisation's wording: items named in {@code labels} take that label. */
    public Instrument withLabels(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return this;
        }
        List<Item> worded = items.stream()
                .map(item -> new Item(item.key(), labels.getOrDefault(item.key(), item.label()))).toList();
        return new Instrument(code, name, measures, worded, min, max, decimals, subscales, index, builtIn);
    }

    public int itemCount() {
        return items.size();
    }

    public boolean measuresAlliance() {
        return measures == Measures.ALLIANCE;
    }

    public int indexOf(String key) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Item> items(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> new Item(k, null)).toList();
    }

    private static List<String> keys(int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(i -> "item" + i).toList();
    }

    private static Map<String, List<String>> ordered(Object... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) pairs[i + 1];
            map.put((String) pairs[i], items);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
