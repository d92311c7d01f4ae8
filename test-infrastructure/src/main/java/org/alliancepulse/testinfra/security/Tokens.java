package org.alliancepulse.testinfra.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens for service tests, signed with the key the OIDC test server publishes. Includes the bad ones a
 * service must refuse: expired, foreign issuer, foreign key.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    /** The audience the services require ({@code quarkus.oidc.token.audience}). */
    public static final String AUDIENCE = "alliance-pulse";
    private static final String SIGNING_KEY = "privateKey.jwk";

    private Tokens() {
    }

    public static String admin() {
        return sign(claims("network-admin", Set.of("admin"), null));
    }

    public static String clinicStaff(String clinicId) {
        return sign(claims("staff-" + clinicId, Set.of("clinic-staff"), clinicId));
    }

    public static String therapist(String username, String clinicId) {
        return sign(claims(username, Set.of("therapist"), clinicId));
    }

    /** A well-signed token with no Alliance Pulse role. */
    public static String withoutRole() {
        return sign(claims("visitor", Set.of("offline_access"), null));
    }

    public static String expired(String clinicId) {
        return claims("staff-" + clinicId, Set.of("clinic-staff"), clinicId)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    public static String fromOtherIssuer(String clinicId) {
        return claims("staff-" + clinicId, Set.of("clinic-staff"), clinicId)
                .issuer("https://impostor.example.org")
                .jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A well-signed admin token from the right issuer, but minted for another application (its {@code aud}). */
    public static String adminForOtherAudience() {
        return claims("network-admin", Set.of("admin"), null).audience("another-app").jws().keyId("1").sign(SIGNING_KEY);
    }

    public static String signedWithOtherKey(String clinicId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            return claims("staff-" + clinicId, Set.of("clinic-staff"), clinicId)
                    .jws().keyId("1").sign(keys.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String username, Set<String> roles, String clinicId) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                // a subject unlike the login, as Keycloak's (a UUID): code that records people must use the login
                .subject(java.util.UUID.nameUUIDFromBytes(("subject of " + username)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                .preferredUserName(username)
                .groups(roles)
                .expiresIn(600);
        if (clinicId != null) {
            claims.claim("clinic_id", clinicId);
        }
        return claims;
    }

    private static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("1").sign(SIGNING_KEY);
    }
}
