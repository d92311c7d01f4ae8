package org.alliancepulse.intake.matching;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.alliancepulse.intake.access.ClinicScope;
import org.alliancepulse.intake.audit.PhiAccessLog;
import org.alliancepulse.intake.client.Client;
import org.alliancepulse.intake.episode.CareAssignment;
import org.alliancepulse.intake.therapist.Therapist;
import org.alliancepulse.intake.therapist.TherapistService;
import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** For staff choosing a therapist: the clinic's therapists who can take the client, best fit first, with reasons. */
@Path("/api/clients/{id}/match-suggestions")
public class MatchSuggestionResource {

    @Inject
    ClinicScope scope;

    @Inject
    MatchingConfig config;

    /** Reads the client's stated preferences (PHI): audited. */
    @Operation(summary = "Therapists of the clinic ranked for this client",
            description = "By language, specialty, modality and free places, with the reasons. Audited. Who may call: the "
                    + "clinic's staff. Another clinic's staff get the 404 of an unknown id; other roles a 403.")
    @GET
    @RolesAllowed(Roles.CLINIC_STAFF)
    @Transactional
    public List<MatchRanking.Suggestion> suggest(@PathParam("id") UUID id) {
        Client client = scope.clientForStaff(id);
        PhiAccessLog.record(scope.actor(), "MATCH", client.id);
        MatchRanking.Needs needs = new MatchRanking.Needs(client.preferredLanguage, client.preferredSpecialties,
                client.preferredModalities, client.therapistId, CareAssignment.lastLeftForFit(client.id).orElse(null));
        List<MatchRanking.Candidate> candidates = Therapist.<Therapist>list("clinicId", client.clinicId).stream()
                .map(t -> new MatchRanking.Candidate(t.id, t.displayName, t.languages, t.specialties, t.modalities,
                        t.active, t.caseloadCapacity, TherapistService.caseload(t.id)))
                .toList();
        return MatchRanking.rank(needs, candidates, new MatchRanking.Weights(config.languageWeight(),
                config.specialtyWeight(), config.modalityWeight()));
    }
}
