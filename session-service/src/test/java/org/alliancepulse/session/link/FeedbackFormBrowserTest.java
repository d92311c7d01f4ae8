package org.alliancepulse.session.link;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.alliancepulse.session.KnownDyad;
import org.alliancepulse.session.feedback.Feedback;
import org.alliancepulse.testinfra.kafka.KafkaEvents;
import org.alliancepulse.testinfra.quarkus.RealInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The client's form in a real headless Chromium (Debian's chromium and chromium-driver, as .ci/run installs them):
 * opened from a fresh link, filled by keyboard only, sent, thanked; reopened, it says it was used. Where no Chromium
 * is installed the test is skipped (an assumption), never passed.
 */
@QuarkusTest
@TestProfile(RealInfrastructure.class)
class FeedbackFormBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private static WebDriver browser;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): install chromium and chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as root Chromium needs --no-sandbox; --disable-dev-shm-usage for small /dev/shm
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=412,915", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void forgetFailedLookups() throws SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("DELETE FROM feedback_link_failure");
        }
    }

    @Test
    void aClientFillsTheSrsByKeyboardIsThankedAndTheLinkIsThenUsed() {
        KnownDyad dyad = KnownDyad.announce(new KafkaEvents(kafka));
        String session = dyad.scheduleSessionAt(Instant.now().minus(1, ChronoUnit.HOURS));
        String url = given().auth().oauth2(dyad.staffToken()).contentType(ContentType.JSON)
                .body(Map.of("instruments", List.of("SRS"))).post("/api/sessions/" + session + "/feedback-links")
                .then().statusCode(201).extract().path("url");

        browser.get(url);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("send")));
        String page = browser.getPageSource();
        assertFalse(page.contains(dyad.clientCode()) || page.contains(dyad.clientId().toString())
                || page.contains(dyad.therapistLogin()) || page.contains(dyad.clinicId()), "no client data on the page");
        List<WebElement> inputs = browser.findElements(By.cssSelector("input[data-instrument=SRS]"));
        assertEquals(4, inputs.size());
        for (WebElement input : inputs) {
            assertEquals(1, browser.findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).size(),
                    "every answer has its label");
            assertEquals("0", input.getAttribute("min"));
            assertEquals("10", input.getAttribute("max"));
            assertEquals("0.1", input.getAttribute("step"));
        }

        // keyboard only: Tab into the first answer, type, Tab on, and Enter sends the form
        new Actions(browser).sendKeys(Keys.TAB).sendKeys("7.5").sendKeys(Keys.TAB).sendKeys("8")
                .sendKeys(Keys.TAB).sendKeys("6").sendKeys(Keys.TAB).sendKeys("9.5").sendKeys(Keys.ENTER).perform();

        WebElement thanks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("thanks")));
        assertTrue(thanks.getText().contains("Thank you"), thanks.getText());
        Feedback stored = Feedback.<Feedback>find("sessionId", UUID.fromString(session)).firstResult();
        assertEquals(0, new java.math.BigDecimal("31").compareTo(stored.total));
        assertEquals(FeedbackLinks.CLIENT, stored.enteredBy);

        browser.get(url);
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertTrue(problem.getText().contains("already used"), problem.getText());
        assertTrue(browser.findElements(By.cssSelector("input")).isEmpty(), "a used link offers no form");
    }

    @Test
    void anUnknownLinkSaysSoInWords() {
        browser.get("http://localhost:" + io.restassured.RestAssured.port + "/api/feedback/" + LinkTokens.newToken());
        WebElement problem = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertTrue(problem.getText().contains("does not exist"), problem.getText());
    }
}
