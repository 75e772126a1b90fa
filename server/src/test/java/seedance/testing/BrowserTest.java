package seedance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: the real server (as in {@link ApiTest}) driven through Debian's
 * headless Chromium by its chromedriver, one browser per test class, fresh cookies per test.
 * Nothing is downloaded: both binaries are given by path ({@code scripts/ensure-browser} installs
 * them), so Selenium Manager never runs. {@link #screenshot} saves a page at desktop and phone
 * widths into {@code target/screenshots/}.
 */
public abstract class BrowserTest extends ApiTest {

  public static final int DESKTOP_WIDTH = 1280;
  public static final int PHONE_WIDTH = 390;
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static ChromeDriver driver;
  private static Path profile;

  @BeforeAll
  static void startBrowser() throws IOException {
    String chromium = System.getenv().getOrDefault("SEEDANCE_CHROMIUM", "/usr/bin/chromium");
    String chromedriver =
        System.getenv().getOrDefault("SEEDANCE_CHROMEDRIVER", "/usr/bin/chromedriver");
    if (!Files.isExecutable(Path.of(chromium)) || !Files.isExecutable(Path.of(chromedriver))) {
      throw new IllegalStateException(
          "browser tests need Debian's chromium and chromium-driver at "
              + chromium
              + " and "
              + chromedriver
              + " (scripts/ensure-browser installs them)");
    }
    profile = Files.createTempDirectory("seedance-chromium-");
    var options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--hide-scrollbars",
        "--lang=en-US",
        "--window-size=" + DESKTOP_WIDTH + ",900",
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(chromedriver).toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
      driver = null;
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @BeforeEach
  void freshBrowser() {
    // Each test starts signed out, in English, at desktop width.
    driver.get(base() + "/login");
    driver.manage().deleteAllCookies();
    driver.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
  }

  protected WebDriver browser() {
    return driver;
  }

  protected String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Opens a path of the server under test. */
  protected void open(String path) {
    driver.get(base() + path);
  }

  /** The path (and query) the browser is on now. */
  protected String currentPath() {
    String url = driver.getCurrentUrl();
    return url.startsWith(base()) ? url.substring(base().length()) : url;
  }

  /** The element, waiting up to 10 s for it to appear. */
  protected WebElement find(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  /** Clicks something that loads a new page (a link, a submit button) and waits for that page. */
  protected void clickAndLoad(String css) {
    // A mark on the old document's window: gone once the new document has loaded. (Waiting for an
    // old element to go stale is unreliable: chromedriver sometimes answers with another error.)
    script("window.__seedanceOldPage = true");
    find(css).click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    script(
                        "return document.readyState === 'complete'"
                            + " && window.__seedanceOldPage === undefined")));
  }

  protected boolean exists(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  /** Types into a form field found by CSS (clearing it first). */
  protected void type(String css, String text) {
    var field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  protected Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  protected <T> T await(Function<WebDriver, T> condition) {
    // A page being replaced can answer any driver error for a moment: ask again until the timeout.
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(WebDriverException.class)
        .until(condition);
  }

  /**
   * Signs up a new account through the pages; returns its email (the password is "password123").
   */
  protected String signUp() {
    String email = "b" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    open("/signup");
    type("#email", email);
    type("#password", "password123");
    clickAndLoad("form button[type=submit]");
    await(d -> currentPath().equals("/dashboard"));
    return email;
  }

  /**
   * A new account with {@code credits} and an API key (made through the operator API), signed in in
   * this browser through its set-password link; the browser is left on {@code /dashboard}.
   */
  protected Api.Customer signInAsNewCustomer(long credits) {
    var customer = api().newCustomer(credits);
    var link =
        api().admin("POST", "/admin/v1/accounts/" + customer.accountId() + "/password-link", null);
    String url = link.json().path("url").asString();
    open(url.substring(url.indexOf("/set-password")));
    type("#password", "password123");
    clickAndLoad("form button[type=submit]");
    await(d -> currentPath().equals("/dashboard"));
    return customer;
  }

  /** Signs in through the login page. */
  protected void signIn(String email, String password) {
    open("/login");
    type("#email", email);
    type("#password", password);
    clickAndLoad("form button[type=submit]");
  }

  /**
   * Saves the current page as {@code <name>-desktop.png} (1280 px wide) and {@code
   * <name>-phone.png} (390 px), each as tall as the page (up to 4000 px).
   */
  protected void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      for (var size : Map.of("desktop", DESKTOP_WIDTH, "phone", PHONE_WIDTH).entrySet()) {
        driver.manage().window().setSize(new Dimension(size.getValue(), 900));
        // The window includes the browser's own frame: grow it by that much beyond the page.
        long height =
            ((Number)
                    script(
                        "return Math.max(document.body.scrollHeight,"
                            + " document.documentElement.scrollHeight)"
                            + " + (window.outerHeight - window.innerHeight)"))
                .longValue();
        driver
            .manage()
            .window()
            .setSize(new Dimension(size.getValue(), (int) Math.min(Math.max(height, 700), 4000)));
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
            png,
            SCREENSHOTS.resolve(name + "-" + size.getKey() + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      driver.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
