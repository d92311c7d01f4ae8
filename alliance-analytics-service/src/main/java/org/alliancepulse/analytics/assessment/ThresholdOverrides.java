package org.alliancepulse.analytics.assessment;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.alliancepulse.analytics.rules.ClinicalThresholds;
import org.alliancepulse.platform.problem.Problem;
import org.alliancepulse.platform.problem.ProblemException;

/**
 * Other thresholds for a what-if replay, named as {@link ClinicalThresholds} names them ({@code kRupture},
 * {@code riskRaise}, ...; the risk model's weights as {@code risk.intercept}, {@code risk.earlyNoShow}, ...).
 */
final class ThresholdOverrides {

    private ThresholdOverrides() {
    }

    /** Every setting a replay may change, with its value in {@code thresholds}. */
    static Map<String, Number> settings(ClinicalThresholds thresholds) {
        Map<String, Number> settings = new TreeMap<>();
        read(thresholds, "", settings);
        return settings;
    }

    /** @throws ProblemException 400 naming each unknown setting, or the rule a combination breaks */
    static ClinicalThresholds apply(ClinicalThresholds base, Map<String, Double> overrides) {
        Map<String, Number> known = settings(base);
        List<Problem.Violation> unknown = new ArrayList<>();
        overrides.forEach((name, value) -> {
            if (!known.containsKey(name)) {
                unknown.add(new Problem.Violation("thresholds." + name, "is not a setting; known: "
                        + String.join(", ", known.keySet())));
            } else if (value == null || value.isNaN() || value.isInfinite()) {
                unknown.add(new Problem.Violation("thresholds." + name, "must be a number"));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ProblemException(new Problem("about:blank", "Invalid request", 400,
                    unknown.get(0).field() + " " + unknown.get(0).message(), unknown));
        }
        try {
            return (ClinicalThresholds) rebuild(base, "", overrides);
        } catch (IllegalArgumentException e) {
            // the thresholds' own checks: hysteresis, positive SDs, ...; their messages name settings, not data
            throw ProblemException.invalid("thresholds", e.getMessage());
        }
    }

    private static void read(Record record, String prefix, Map<String, Number> into) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = value(record, component);
            if (value instanceof Record nested) {
                read(nested, prefix + component.getName() + ".", into);
            } else if (value instanceof Number number) {
                into.put(prefix + component.getName(), number);
            }
        }
    }

    private static Record rebuild(Record record, String prefix, Map<String, Double> overrides) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Object value = value(record, component);
            String name = prefix + component.getName();
            if (value instanceof Record nested) {
                values[i] = rebuild(nested, name + ".", overrides);
            } else if (overrides.containsKey(name)) {
                double override = overrides.get(name);
                if (component.getType() == int.class) {
                    if (override != Math.rint(override)) {
                        throw new IllegalArgumentException(name + " must be a whole number");
                    }
                    if (override < Integer.MIN_VALUE || override > Integer.MAX_VALUE) {
                        // a cast would silently make 1e10 into 2147483647: figures for a setting no one asked for
                        throw new IllegalArgumentException(name + " is out of range for a whole number");
                    }
                    values[i] = (int) override;
                } else {
                    values[i] = override;
                }
            } else {
                values[i] = value;
            }
        }
        try {
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
