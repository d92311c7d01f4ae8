package org.alliancepulse.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.alliancepulse.platform.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** Who is calling, in the clinic's terms: role, clinic and login, read from the bearer token. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean isClinicStaff() {
        return identity.hasRole(Roles.CLINIC_STAFF);
    }

    public boolean isTherapist() {
        return identity.hasRole(Roles.THERAPIST);
    }

    /** The login ({@code preferred_username}), how a therapist's token is matched to the therapist. */
    public String username() {
        String preferred = token.getClaim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public Optional<String> clinicId() {
        Object claim = token.getClaim(Roles.CLINIC_CLAIM);
        return claim == null ? Optional.empty() : Optional.of(claim.toString().replace("\"", ""));
    }

    /** Staff may act only within their own clinic; a staff token without a clinic may act nowhere. */
    public boolean worksAt(String clinicId) {
        return clinicId != null && clinicId.equals(clinicId().orElse(null));
    }

    /** @throws ProblemException 403 unless the caller works at the clinic */
    public void requireClinic(String clinicId) {
        if (!worksAt(clinicId)) {
            throw ProblemException.forbidden("you may act only for your own clinic");
        }
    }
}
