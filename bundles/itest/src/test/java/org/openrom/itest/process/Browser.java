package org.openrom.itest.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven by Debian's {@code chromedriver}; both installed by
 * {@code .ci/prerequisites}), with a fresh profile, so each instance is a separate person with no cookies.
 * Screenshots go to {@code target/screenshots/} as test artifacts.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    private final Path profile;

    Browser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("the browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver): run .ci/prerequisites as root");
        }
        profile = Files.createTempDirectory("openrom-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags that keep Chromium from reaching for the network, which is closed here.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1024,1366", "--lang=en-GB",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean has(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    String text(String css) {
        return find(css).getText();
    }

    /** Waits until the page shows an element matching css. */
    WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** Chooses the option at position (from 0) of a radio item, as a person does: by clicking its label. */
    void choose(String linkId, int position) {
        WebElement radio = find("input[type=radio][name='" + linkId + "'][value='" + position + "']");
        String id = radio.getAttribute("id");
        if (id != null && !id.isEmpty() && has("label[for='" + id + "']")) {
            find("label[for='" + id + "']").click();
        } else {
            radio.click();
        }
        if (!radio.isSelected()) {
            throw new AssertionError(linkId + " option " + position + " was not selected by a click");
        }
    }

    void type(String name, String value) {
        WebElement field = find("[name='" + name + "']");
        field.clear();
        field.sendKeys(value);
    }

    void submit() {
        find("#submit").click();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String pageText() {
        return find("body").getText();
    }

    /** Saves a PNG of the whole viewport as target/screenshots/name.png. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save screenshot " + name, e);
        }
    }

    void signIn(String base, String user, String password) {
        open(base + "signin");
        type("username", user);
        type("password", password);
        submit();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
