package uk.pathways.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium and chromedriver; Selenium Manager is never asked to download
 * anything) on a fresh profile, pointed at a running Pathways. Every step can be kept as a screenshot
 * under {@code target/screenshots/<test>/}, and every Pathways page can be checked with axe-core.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** WCAG 2.0, 2.1 and 2.2, A and AA (axe 4.x has no rule tagged wcag22a yet; asked for all the same). */
    public static final List<String> WCAG_A_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private static final List<String> AXE_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    private final WebDriver driver;
    private final String base;
    private final Path screenshots;
    private final Path profile;
    private int step;

    /** Skips the test class (JUnit assumption) unless Debian's chromium and its driver are both installed. */
    public static void assumeInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                        + " is not installed (apt-get install chromium chromium-driver)");
    }

    public Browser(String base, String testName) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        this.profile = Files.createTempDirectory("pathways-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = base;
        this.screenshots = Path.of("target", "screenshots", testName);
        Files.createDirectories(screenshots);
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(By by) {
        return until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    public Browser type(String id, String text) {
        WebElement input = find(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Clicks the element once it is there, scrolled to the middle of the window (clear of sticky footers). */
    public Browser click(By by) {
        until(d -> {
            try {
                WebElement element = d.findElement(by);
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
                element.click();
                return true;
            } catch (NoSuchElementException | ElementClickInterceptedException | StaleElementReferenceException e) {
                return false; // not there yet, or the page is still moving (the Tasklist re-renders a claimed task)
            }
        });
        return this;
    }

    public String text(By by) {
        return find(by).getText();
    }

    public String activeElementId() {
        return (String) ((JavascriptExecutor) driver)
                .executeScript("return document.activeElement && document.activeElement.id");
    }

    /** Signs in on the Pathways sign-in page the browser is on (or is sent to). */
    public Browser signIn(String user) {
        find(By.cssSelector("h1")).getText();
        assertThat(path()).startsWith("/login");
        type("username", user).type("password", Pages.PASSWORD);
        click(By.cssSelector("main form button[type=submit]"));
        until(d -> !path().startsWith("/login"));
        return this;
    }

    /** Keeps the whole page as {@code target/screenshots/<test>/<nn>-<name>.png}. */
    public Browser screenshot(String name) {
        try {
            Long height = (Long) ((JavascriptExecutor) driver)
                    .executeScript(
                            "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 800), 6000)));
            Path file = screenshots.resolve("%02d-%s.png".formatted(++step, name));
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    file,
                    StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new Dimension(1280, 1000));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Checks the page with axe-core (WCAG 2.2 A and AA and best practice): no serious or critical violation. */
    public Browser accessible(String page) {
        List<Map<String, Object>> serious = axe(page, AXE_TAGS).stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .toList();
        assertThat(serious)
                .as("serious or critical accessibility violations on %s", page)
                .isEmpty();
        return this;
    }

    /**
     * Checks the page with axe-core against WCAG 2.0, 2.1 and 2.2 at levels A and AA only: no violation at all,
     * whatever its impact.
     */
    public Browser conforms(String page) {
        assertThat(axe(page, WCAG_A_AA))
                .as("WCAG 2.2 A and AA violations on %s", page)
                .isEmpty();
        return this;
    }

    /**
     * The page's violations of WCAG 2.0, 2.1 and 2.2 A and AA, rule id to the number of elements that fail it, in
     * axe's order; each rule is printed with its impact and up to five of its elements. For pages that are known not
     * to conform (the Camunda Tasklist): the caller decides which rules may remain.
     */
    public Map<String, Integer> wcagViolations(String page) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Map<String, Object> v : axe(page, WCAG_A_AA)) {
            counts.put((String) v.get("id"), ((Number) v.get("count")).intValue());
            System.out.printf(
                    "axe on %s: %s (%s) %d element(s): %s%n    e.g. %s%n    %s%n",
                    page,
                    v.get("id"),
                    v.get("impact"),
                    v.get("count"),
                    v.get("help"),
                    v.get("nodes"),
                    v.get("summary"));
        }
        return counts;
    }

    private List<Map<String, Object>> axe(String page, List<String> tags) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(axeSource());
        Object raw = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: arguments[0] } })
                  .then(r => done(JSON.stringify(r.violations.map(v => ({
                      id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
                      summary: v.nodes.length ? v.nodes[0].failureSummary : null })))))
                  .catch(e => done('axe failed: ' + e));
                """, tags);
        String result = String.valueOf(raw);
        if (result.startsWith("axe failed")) {
            fail(page + ": " + result);
        }
        try {
            return new ObjectMapper().readValue(result, new TypeReference<>() {});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core is missing from the test resources: run npm run vendor:axe");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
