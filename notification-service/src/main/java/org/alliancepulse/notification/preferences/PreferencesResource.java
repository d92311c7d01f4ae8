package org.alliancepulse.notification.preferences;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/therapists/{id}/notification-preferences")
public class PreferencesResource {

    @Inject
    PreferencesCommands commands;

    /** A therapist's preferences (the defaults if never set): for the therapist, their clinic's staff, admins. */
    @Operation(summary = "A therapist's notification preferences",
            description = "A therapist their own; their clinic's staff and admins anyone's of the clinic. Who may call: "
                    + "admins, the clinic's staff, therapists. Another clinic's staff, or another therapist, get the "
                    + "404 of an unknown id; other roles a 403.")
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    public PreferencesView read(@PathParam("id") String id) {
        return commands.read(id);
    }

    /**
     * Replaces a therapist's preferences as a whole: a field left out takes its default ({@code {}} restores every
     * default; send every field to change one). Emails held under the old ones (quiet hours, a pending digest) are
     * decided again at once under the new.
     */
    @Operation(summary = "Replace a therapist's notification preferences",
            description = "Immediate or a daily digest, quiet hours in their time zone, kinds to skip, resolved notes. Held"
                    + " emails are decided again at once. Who may call: admins, the clinic's staff, therapists. Another"
                    + " clinic's staff, or another therapist, get the 404 of an unknown id; other roles a 403.")
    @PUT
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    @Transactional
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "a morning digest, quiet evenings, no fit-concern emails", value = """
                    {"delivery":"DAILY_DIGEST","digestHour":8,"timeZone":"Europe/Oslo",\
                    "quietHours":{"from":"21:00","until":"07:00"},"skippedKinds":["FIT_CONCERN"],"resolvedNotes":true}"""),
            @ExampleObject(name = "every default again", value = "{}") }))
    public PreferencesView replace(@PathParam("id") String id, PreferencesView preferences) {
        return commands.replace(id, preferences);
    }
}
