package org.alliancepulse.session.instrument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.alliancepulse.platform.problem.Problem;
import org.alliancepulse.platform.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The instruments this service scores: the built-in ones and those organisations added (table instrument). */
@ApplicationScoped
public class InstrumentCatalog {

    @Inject
    ObjectMapper json;

    public Optional<Instrument> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Scoring.instrument(code).or(() -> Optional.ofNullable(InstrumentDefinition.<InstrumentDefinition>findById(code))
                .map(this::read));
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
        return all;
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

    private String write(Instrument definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
