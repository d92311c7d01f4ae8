package org.alliancepulse.session.fhir;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.alliancepulse.session.instrument.Instrument;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

import ca.uhn.fhir.context.FhirContext;

/**
 * One feedback as a FHIR R4 QuestionnaireResponse, built with HAPI FHIR's model. The subject is the client's
 * pseudonymous id (an identifier, never a name); answers are keyed by the instrument's item keys, and the computed
 * scores follow in a group {@code scores}. Pure apart from HAPI's (thread-safe, costly to build) context.
 */
public final class QuestionnaireResponses {

    /** Where our identifiers live: systems under this URI. */
    public static final String SYSTEM = "https://alliancepulse.org/fhir";
    public static final String MEDIA_TYPE = "application/fhir+json";

    /** An SRS as this service exports it (for the OpenAPI document). */
    public static final String EXAMPLE = """
            {
              "resourceType": "QuestionnaireResponse",
              "id": "6c5b4a39-2817-4f6e-9d5c-4b3a29181706",
              "meta": {
                "lastUpdated": "2026-11-27T14:05:00.000+00:00"
              },
              "identifier": {
                "system": "https://alliancepulse.org/fhir/feedback",
                "value": "6c5b4a39-2817-4f6e-9d5c-4b3a29181706"
              },
              "questionnaire": "https://alliancepulse.org/fhir/Questionnaire/SRS",
              "status": "completed",
              "subject": {
                "identifier": {
                  "system": "https://alliancepulse.org/fhir/client",
                  "value": "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
                }
              },
              "encounter": {
                "identifier": {
                  "system": "https://alliancepulse.org/fhir/session",
                  "value": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"
                }
              },
              "authored": "2026-11-27T14:05:00+00:00",
              "item": [
                {
                  "linkId": "relationship",
                  "answer": [
                    {
                      "valueDecimal": 7
                    }
                  ]
                },
                {
                  "linkId": "goals",
                  "answer": [
                    {
                      "valueDecimal": 8
                    }
                  ]
                },
                {
                  "linkId": "approach",
                  "answer": [
                    {
                      "valueDecimal": 7.5
                    }
                  ]
                },
                {
                  "linkId": "overall",
                  "answer": [
                    {
                      "valueDecimal": 8
                    }
                  ]
                },
                {
                  "linkId": "scores",
                  "text": "computed scores",
                  "item": [
                    {
                      "linkId": "scores.total",
                      "text": "total",
                      "answer": [
                        {
                          "valueDecimal": 30.5
                        }
                      ]
                    },
                    {
                      "linkId": "scores.subscale.bond",
                      "text": "bond",
                      "answer": [
                        {
                          "valueDecimal": 7
                        }
                      ]
                    },
                    {
                      "linkId": "scores.subscale.global",
                      "text": "global",
                      "answer": [
                        {
                          "valueDecimal": 8
                        }
                      ]
                    },
                    {
                      "linkId": "scores.subscale.goals",
                      "text": "goals",
                      "answer": [
                        {
                          "valueDecimal": 8
                        }
                      ]
                    },
                    {
                      "linkId": "scores.subscale.tasks",
                      "text": "tasks",
                      "answer": [
                        {
                          "valueDecimal": 7.5
                        }
                      ]
                    },
                    {
                      "linkId": "scores.alliance-index",
                      "text": "alliance index (0-100)",
                      "answer": [
                        {
                          "valueDecimal": 76.25
                        }
                      ]
                    }
                  ]
                }
              ]
            }""";

    /** A client's answers as one Bundle (for the OpenAPI document): a searchset of such responses. */
    public static final String EXAMPLE_BUNDLE = """
            {
              "resourceType": "Bundle",
              "id": "23acaa4b-59eb-462f-8da5-521f71e9d20d",
              "meta": {
                "lastUpdated": "2026-11-27T15:00:00.000+00:00"
              },
              "type": "searchset",
              "total": 1,
              "entry": [
                {
                  "fullUrl": "urn:uuid:6c5b4a39-2817-4f6e-9d5c-4b3a29181706",
                  "search": {
                    "mode": "match"
                  },
                  "resource":
            """ + EXAMPLE + """
                }
              ]
            }""";

    private static final FhirContext R4 = FhirContext.forR4Cached();

    private QuestionnaireResponses() {
    }

    /**
     * What one feedback says, in this service's terms.
     *
     * @param corrected whether its answers were corrected after they were first recorded (FHIR's {@code amended})
     */
    public record Feedback(UUID id, UUID sessionId, UUID clientId, Instrument instrument, List<BigDecimal> answers,
            BigDecimal total, Map<String, BigDecimal> subscales, BigDecimal allianceIndex, java.time.Instant givenAt,
            java.time.Instant lastChanged, boolean corrected) {
    }

    public static QuestionnaireResponse of(Feedback f) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(f.id().toString());
        response.getMeta().setLastUpdated(Date.from(f.lastChanged()));
        response.setIdentifier(new Identifier().setSystem(SYSTEM + "/feedback").setValue(f.id().toString()));
        // a corrected response is "amended": "completed, but changed since" (FHIR R4 QuestionnaireResponse.status)
        response.setStatus(f.corrected() ? QuestionnaireResponse.QuestionnaireResponseStatus.AMENDED
                : QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setQuestionnaire(SYSTEM + "/Questionnaire/" + f.instrument().code());
        response.setSubject(new Reference().setIdentifier(
                new Identifier().setSystem(SYSTEM + "/client").setValue(f.clientId().toString())));
        response.setEncounter(new Reference().setIdentifier(
                new Identifier().setSystem(SYSTEM + "/session").setValue(f.sessionId().toString())));
        response.setAuthored(Date.from(f.givenAt()));
        List<Instrument.Item> items = f.instrument().items();
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponse.QuestionnaireResponseItemComponent item = response.addItem()
                    .setLinkId(items.get(i).key());
            if (items.get(i).label() != null) {
                item.setText(items.get(i).label());
            }
            item.addAnswer().setValue(f.instrument().decimals() == 0
                    ? new IntegerType(f.answers().get(i).intValueExact())
                    : new DecimalType(f.answers().get(i)));
        }
        QuestionnaireResponse.QuestionnaireResponseItemComponent scores = response.addItem().setLinkId("scores")
                .setText("computed scores");
        scores.addItem().setLinkId("scores.total").setText("total").addAnswer().setValue(new DecimalType(f.total()));
        f.subscales().forEach((name, value) -> scores.addItem().setLinkId("scores.subscale." + name)
                .setText(name).addAnswer().setValue(new DecimalType(value)));
        if (f.allianceIndex() != null) {
            scores.addItem().setLinkId("scores.alliance-index").setText("alliance index (0-100)").addAnswer()
                    .setValue(new DecimalType(f.allianceIndex()));
        }
        return response;
    }

    public static String json(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return R4.newJsonParser().encodeResourceToString(resource);
    }

    /** A client's responses as one FHIR R4 searchset Bundle, each entry under its urn:uuid. */
    public static org.hl7.fhir.r4.model.Bundle bundle(List<QuestionnaireResponse> responses) {
        org.hl7.fhir.r4.model.Bundle bundle = new org.hl7.fhir.r4.model.Bundle()
                .setType(org.hl7.fhir.r4.model.Bundle.BundleType.SEARCHSET).setTotal(responses.size());
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(new Date());
        for (QuestionnaireResponse response : responses) {
            bundle.addEntry().setFullUrl("urn:uuid:" + response.getIdElement().getIdPart()).setResource(response)
                    .getSearch().setMode(org.hl7.fhir.r4.model.Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    public static FhirContext context() {
        return R4;
    }
}
