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
import jakarta.ws.rs.core.Response;

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
    public Response alert(@PathParam("id") String id) {
        return page("alert", "Alert");
    }

    @GET
    @Path("alerts")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response myAlerts() {
        return page("my-alerts", "My alerts");
    }

    @GET
    @Path("network")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response network() {
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

    /**
     * The one page shell, told which page it is; the script does the rest. Its Content-Security-Policy lets it run
     * only the service's own scripts and talk only to the service and the identity provider: the pages keep the
     * browser's token, so an injected script is what they must never run (an outside probe found no policy).
     */
    private Response page(String name, String title) {
        return Response.ok(SHELL.replace("{page}", name).replace("{title}", title), MediaType.TEXT_HTML_TYPE)
                .header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' "
                        + "'unsafe-inline'; img-src 'self' data:; connect-src 'self' " + origin(config.oidcIssuer())
                        + "; frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /** The scheme, host and port of the identity provider, where the pages fetch their token. */
    static String origin(String issuer) {
        java.net.URI uri = java.net.URI.create(issuer.trim());
        return uri.getScheme() + "://" + uri.getRawAuthority();
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
