package org.alliancepulse.session.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LinkTokensTest {

    @Test
    void aTokenCarriesAtLeast128RandomBitsAndIsUrlSafe() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = LinkTokens.newToken();
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
            assertTrue(Base64.getUrlDecoder().decode(token).length * 8 >= 128);
            assertTrue(seen.add(token), "tokens repeat");
        }
    }

    @Test
    void onlyTheHashIsStoredAndItIsSha256() {
        String token = LinkTokens.newToken();
        String hash = LinkTokens.hash(token);

        assertEquals(64, hash.length());
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertNotEquals(token, hash);
        assertEquals(hash, LinkTokens.hash(token));
        // the SHA-256 test vector of "abc" (FIPS 180-2)
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", LinkTokens.hash("abc"));
    }
}
