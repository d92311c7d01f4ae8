package org.alliancepulse.session;

import org.alliancepulse.testinfra.contract.OperationalEndpointsContract;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RealInfrastructure.class)
class OperationalEndpointsTest extends OperationalEndpointsContract {
}
