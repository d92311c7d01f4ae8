package org.alliancepulse.session.instrument;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.alliancepulse.platform.idempotency.Idempotent;
import org.alliancepulse.platform.security.Caller;
import org.alliancepulse.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/instruments")
public class InstrumentResource {

    @Inject
    InstrumentCatalog catalog;

    @Inject
    Caller caller;

    /** The instruments this service scores: structure only, no licensed item wording (unless an organisation loaded its own). */
    @Operation(summary = "The instruments: structure, ranges, subscales, scoring",
            description = "The built-in SRS, WAI-SR and ORS and the organisation's own; wording only where the organisation"
                    + " loaded its licensed text. Who may call: admins, the clinic's staff, therapists.")
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.CLINIC_STAFF, Roles.THERAPIST })
    public List<Instrument> instruments() {
        return catalog.all();
    }

    /** An organisation's licensed wording of an instrument's items: item key to label. */
    @Schema(example = "{\"labels\":{\"relationship\":\"(your licensed wording of the first SRS item)\","
            + "\"goals\":\"(second item)\"}}")
    public record Wording(@NotNull Map<String, String> labels) {
    }

    /**
     * Loads or replaces the organisation's licensed wording of an instrument (the built-in SRS, ORS and WAI-SR ship
     * without it); items left out keep no label, an empty map removes the wording. Shown in this list and on the
     * client's feedback form.
     */
    @Operation(summary = "Load the organisation's licensed wording of an instrument's items",
            description = "Who may call: admins.")
    @PUT
    @Path("/{code}/wording")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "the organisation's licensed wording", value = """
                    {"labels":{"relationship":"(your licensed wording of the first SRS item)",\
                    "goals":"(the second)","approach":"(the third)","overall":"(the fourth)"}}"""),
            @ExampleObject(name = "removing it", value = """
                    {"labels":{}}""") }))
    public Instrument loadWording(@PathParam("code") String code, @NotNull @Valid Wording wording) {
        return catalog.loadWording(code, wording.labels(), caller.username());
    }

    /** Adds an organisation's own instrument, checked (codes, item keys, range, decimals, subscales, index). */
    @Operation(summary = "Add the organisation's own instrument",
            description = "Checked: codes, item keys, range, decimals, subscales, index. Who may call: admins.")
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Idempotent
    @APIResponse(responseCode = "201", description = "Added to the catalogue",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Instrument.class)))
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "a clinic's own three-item check-in", value = """
                    {"code":"CHECK-IN","name":"Session check-in","measures":"ALLIANCE",\
                    "items":[{"key":"heard"},{"key":"focus"},{"key":"way"}],"min":1,"max":7,"decimals":0,\
                    "subscales":{"bond":["heard"],"goals":["focus"],"tasks":["way"]},"index":"LINEAR"}""")))
    public Response add(@NotNull Instrument definition) {
        return Response.status(Response.Status.CREATED).entity(catalog.add(definition, caller.username())).build();
    }
}
