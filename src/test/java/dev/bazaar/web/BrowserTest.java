package dev.bazaar.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bazaar.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: the whole application on a real PostgreSQL, driven by Debian's headless Chromium
 * through the system chromedriver (no driver download). Without Chromium the tests are skipped with a message
 * saying how to install it, except on CI ({@code CI=true}), where they must run.
 */
public abstract class BrowserTest extends IntegrationTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Dimension DESKTOP = new Dimension(1440, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    protected static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String help = "Browser tests need Chromium and its driver: sudo apt-get install chromium chromium-driver";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(help);
            }
            Assumptions.abort(help + " (skipped)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--lang=en-US",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @BeforeEach
    void freshBrowser() {
        browser.manage().window().setSize(DESKTOP);
        browser.get(url("/"));
        browser.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    protected WebElement find(String css) {
        return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    protected List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /**
     * Clicks an element once it is clickable. A page that was still replacing its document can hand out a node that
     * is gone a moment later (Chromium: "Node with given id does not belong to the document"): look it up again.
     */
    protected void click(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                waitFor()
                        .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                        .click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                if (attempt == 3) {
                    throw gone;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3
                        || e.getMessage() == null
                        || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
            }
        }
    }

    /**
     * Waits until {@code element}'s document is gone (the browser moved to the next page). Chromium reports a node
     * of a replaced document either as stale or as "Node with given id does not belong to the document": both
     * mean the page was left.
     */
    protected void waitUntilGone(WebElement element) {
        waitFor().until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    protected void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    protected WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    protected String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** Saves a screenshot of the current page as target/screenshots/{name}.png. */
    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot =
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Screenshots of the current page at desktop and phone sizes. */
    protected void screenshots(String name) {
        screenshot(name + "-desktop");
        browser.manage().window().setSize(PHONE);
        screenshot(name + "-mobile");
        assertAccessible();
        browser.manage().window().setSize(DESKTOP);
    }

    /** Runs axe-core on the current page and fails on any serious or critical violation. */
    @SuppressWarnings("unchecked")
    protected void assertAccessible() {
        JavascriptExecutor js = browser;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
            js.executeScript(AxeCore.SOURCE);
        }
        Map<String, Object> results =
                (Map<String, Object>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(function (r) { done(r); }, function (e) { done({error: String(e)}); });");
        assertThat(results.get("error")).as("axe-core failed to run").isNull();
        List<Map<String, Object>> violations = (List<Map<String, Object>>) results.get("violations");
        List<String> serious = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at "
                        + ((List<Map<String, Object>>) v.get("nodes"))
                                .stream()
                                        .limit(3)
                                        .map(n -> String.valueOf(n.get("target")))
                                        .collect(Collectors.joining(", ")))
                .toList();
        assertThat(serious)
                .as("axe-core violations on " + browser.getCurrentUrl())
                .isEmpty();
    }

    /** axe-core's script, vendored under src/test/resources/axe (MPL-2.0, see its licence file there). */
    static final class AxeCore {
        static final String SOURCE = load();

        private static String load() {
            try (InputStream in = BrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
