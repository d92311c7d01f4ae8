package org.alliancepulse.platform.security;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers every answer of the API and pages carries, unless the resource set its own. Most answers are about a
 * client's care (and intake's name them): {@code Cache-Control: no-store}, so no browser, proxy or shared machine
 * keeps a copy; {@code X-Content-Type-Options: nosniff}, so a browser never reads JSON or text as HTML; and
 * {@code X-Frame-Options: DENY}, so no other site can frame a page or the client's feedback form.
 */
public class ResponseHeaders {

    @ServerResponseFilter
    public void addTo(ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        if (!headers.containsKey("X-Content-Type-Options")) {
            headers.putSingle("X-Content-Type-Options", "nosniff");
        }
        if (!headers.containsKey("X-Frame-Options")) {
            headers.putSingle("X-Frame-Options", "DENY");
        }
    }
}
