package org.alliancepulse.notification;

import org.alliancepulse.testinfra.contract.OperationalEndpointsContract;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RealInfrastructure.WithMail.class)
class OperationalEndpointsTest extends OperationalEndpointsContract {
}
