package org.alliancepulse.intake.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * A test-only endpoint that forgot its security annotation, as a new one might: proves that the service denies such
 * an endpoint to everyone (quarkus.security.jaxrs.deny-unannotated-endpoints) instead of opening it.
 */
@Path("/api/test-only/unannotated")
public class UnannotatedProbeResource {

    @GET
    public String open() {
        return "this should never be served";
    }
}
