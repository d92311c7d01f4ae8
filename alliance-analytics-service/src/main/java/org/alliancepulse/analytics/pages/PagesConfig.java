package org.alliancepulse.analytics.pages;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The pages therapists and administrators open in a browser. */
@ConfigMapping(prefix = "alliance-pulse.pages")
public interface PagesConfig {

    /** The identity provider's public client the pages sign in with (authorization code flow with PKCE). */
    @WithDefault("alliance-pulse-web")
    String oidcClientId();

    /** The realm's URL the browser signs in at; by default the one this service checks tokens against. */
    @WithName("oidc-issuer")
    @WithDefault("${quarkus.oidc.auth-server-url}")
    String oidcIssuer();
}
