package org.alliancepulse.analytics.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The pages: the alert page the email links to ({@code /alerts/{id}}), a therapist's alerts ({@code /alerts}), the
 * network's figures ({@code /network}). They hold no data: the browser signs in at the identity provider and reads
 * the REST APIs with its own token, so the pages themselves are open to anyone.
 */
@Path("/")
@PermitAll
public class PageResource {

    @Inject
    PagesConfig config;

    @GET
    @Path("alerts/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String alert(@PathParam("id") String id) {
        return page("alert", "Alert");
    }

    @GET
    @Path("alerts")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String myAlerts() {
        return page("my-alerts", "My alerts");
    }

    @GET
    @Path("network")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String network() {
        return page("network", "Network");
    }

    /** Where the pages sign in. */
    @GET
    @Path("pages/config.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, String> config() {
        return Map.of("issuer", config.oidcIssuer().replaceAll("/+$", ""), "clientId", config.oidcClientId());
    }

    /** The one page shell, told which page it is; the script does the rest. */
    private static String page(String name, String title) {
        return SHELL.replace("{page}", name).replace("{title}", title);
    }

    private static final String SHELL = read("/META-INF/resources/pages/page.html");

    private static String read(String resource) {
        try (InputStream in = PageResource.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
