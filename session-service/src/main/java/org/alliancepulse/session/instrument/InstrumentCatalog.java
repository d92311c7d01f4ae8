package org.alliancepulse.session.instrument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.platform.problem.Problem;
import org.alliancepulse.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The instruments this service scores: the built-in ones and those organisations added (table instrument), each with
 * the organisation's item wording where it loaded one (table instrument_wording).
 */
@ApplicationScoped
public class InstrumentCatalog {

    @Inject
    ObjectMapper json;

    public Optional<Instrument> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        code = canonical(code);
        String known = code;
        return Scoring.instrument(known).or(() -> Optional.ofNullable(InstrumentDefinition.<InstrumentDefinition>findById(known))
                .map(this::read)).map(this::worded);
    }

    /**
     * An instrument code as stored: codes are upper case (custom ones must be), so {@code srs} in a path or body is
     * the SRS, the same for every operation (a correction of {@code srs} was a 400 while reading it was a 404).
     */
    public static String canonical(String code) {
        return code.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** @throws ProblemException 400 naming the field {@code instrument} when it is not known */
    public Instrument require(String code, String field) {
        return find(code).orElseThrow(() -> ProblemException.invalid(field, "unknown instrument; known: "
                + String.join(", ", all().stream().map(Instrument::code).toList())));
    }

    public List<Instrument> all() {
        List<Instrument> all = new ArrayList<>(Instrument.BUILT_IN);
        InstrumentDefinition.<InstrumentDefinition>listAll().stream()
                .sorted((a, b) -> a.code.compareTo(b.code)).map(this::read).forEach(all::add);
        Map<String, Map<String, String>> wordings = new HashMap<>();
        InstrumentWording.<InstrumentWording>listAll().forEach(w -> wordings.put(w.code, labels(w)));
        return all.stream().map(i -> i.withLabels(wordings.getOrDefault(i.code(), Map.of()))).toList();
    }

    /**
     * Loads (or replaces) the organisation's wording of an instrument's items; an empty map removes it. Runs in the
     * caller's transaction.
     *
     * @throws ProblemException 404 for an unknown instrument, 400 naming a key that is not one of its items or a
     *         label that is blank or too long
     */
    public Instrument loadWording(String code, Map<String, String> labels, String by) {
        Instrument instrument = find(code).orElseThrow(() -> ProblemException.notFound("no instrument " + code));
        List<Scoring.Refusal> refusals = new ArrayList<>();
        labels.forEach((key, label) -> {
            if (instrument.indexOf(key) < 0) {
                refusals.add(new Scoring.Refusal("labels." + key, "is not an item of " + code + "; its items: "
                        + String.join(", ", instrument.items().stream().map(Instrument.Item::key).toList())));
            } else if (label == null || label.isBlank()) {
                refusals.add(new Scoring.Refusal("labels." + key, "must not be blank"));
            } else if (label.length() > InstrumentRules.MAX_LABEL) {
                refusals.add(new Scoring.Refusal("labels." + key, "may have at most " + InstrumentRules.MAX_LABEL
                        + " characters"));
            }
        });
        if (!refusals.isEmpty()) {
            throw refused(refusals);
        }
        InstrumentWording row = InstrumentWording.findById(code);
        if (labels.isEmpty()) {
            if (row != null) {
                row.delete();
            }
            return find(code).orElseThrow();
        }
        if (row == null) {
            row = new InstrumentWording();
            row.code = code;
        }
        row.labels = write(new TreeMap<>(labels));
        row.loadedBy = by;
        row.loadedAt = Instant.now();
        row.persist();
        return structureOf(code).withLabels(labels);
    }

    private Instrument worded(Instrument instrument) {
        InstrumentWording wording = InstrumentWording.findById(instrument.code());
        return wording == null ? instrument : instrument.withLabels(labels(wording));
    }

    private Instrument structureOf(String code) {
        return Scoring.instrument(code).orElseGet(() -> read(InstrumentDefinition.findById(code)));
    }

    private Map<String, String> labels(InstrumentWording wording) {
        try {
            return json.readValue(wording.labels, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored wording of " + wording.code + " cannot be read", e);
        }
    }

    /** Checks and stores an organisation's own instrument; runs in the caller's transaction. */
    public Instrument add(Instrument requested, String by) {
        Instrument definition = new Instrument(requested.code(), requested.name(), requested.measures(),
                requested.items(), requested.min(), requested.max(), requested.decimals(), requested.subscales(),
                requested.index(), false);
        List<Scoring.Refusal> refusals = InstrumentRules.check(definition);
        if (!refusals.isEmpty()) {
            throw refused(refusals);
        }
        if (InstrumentDefinition.findById(definition.code()) != null) {
            throw ProblemException.conflict("an instrument " + definition.code() + " exists already");
        }
        InstrumentDefinition row = new InstrumentDefinition();
        row.code = definition.code();
        row.definition = write(definition);
        row.createdBy = by;
        row.createdAt = Instant.now();
        row.persist();
        return definition;
    }

    public static ProblemException refused(List<Scoring.Refusal> refusals) {
        return new ProblemException(new Problem("about:blank", "Invalid request", 400,
                refusals.get(0).field() + " " + refusals.get(0).message(),
                refusals.stream().map(r -> new Problem.Violation(r.field(), r.message())).toList()));
    }

    private Instrument read(InstrumentDefinition row) {
        try {
            return json.readValue(row.definition, Instrument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored instrument definition " + row.code + " cannot be read", e);
        }
    }

    private String write(Object definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
