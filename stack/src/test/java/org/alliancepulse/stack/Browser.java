package org.alliancepulse.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, as .ci/run installs them) for one user: its own
 * cookies, so its own Keycloak session. Where no Chromium is installed, the test using it is skipped, never passed.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary",
            "/usr/bin/chromedriver"));
    /** Where the screenshots go (the README shows copies of them, from docs/screenshots). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    final WebDriverWait wait;

    private Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as root Chromium needs --no-sandbox; --disable-dev-shm-usage for a small /dev/shm
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1100", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static Browser open() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): install chromium and chromium-driver");
        return new Browser();
    }

    /**
     * Opens the page; signs in at Keycloak's own form when it asks; returns when the page has shown its content
     * (its {@code main} no longer aria-busy). Keycloak's own login page has a {@code main h1} too, so waiting for
     * a heading alone returned while the sign-in was still under way.
     */
    Browser visit(String url, String username) {
        driver.get(url);
        wait.until(d -> !d.findElements(By.id("kc-login")).isEmpty() || !d.findElements(LOADED).isEmpty());
        if (!driver.findElements(By.id("kc-login")).isEmpty()) {
            driver.findElement(By.id("username")).sendKeys(username);
            driver.findElement(By.id("password")).sendKeys(DemoUsers.PASSWORD);
            driver.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(LOADED));
        }
        return this;
    }

    /** Our page, its content shown (app.js sets aria-busy=false when it has shown it). */
    private static final By LOADED = By.cssSelector("main#main[aria-busy='false']");

    String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
