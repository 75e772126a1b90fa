package seedance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for exact tests of the dashboard's HTTP behaviour: it keeps cookies
 * (by hand, so tests can plant or drop them), follows no redirects, and remembers the CSRF field of
 * the last page so {@link #post} can send it.
 */
public final class PageClient {

  private static final Pattern CSRF_FIELD =
      Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"_csrf\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String csrf;

  public PageClient(String base) {
    this.base = base;
  }

  public Map<String, String> cookies() {
    return cookies;
  }

  /** The CSRF token of the last page that had a form. */
  public String csrf() {
    return csrf;
  }

  public Api.Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), Map.of());
  }

  /** Posts a form with the remembered CSRF token. */
  public Api.Response post(String path, Map<String, String> form) {
    var withToken = new LinkedHashMap<String, String>();
    if (csrf != null) {
      withToken.put("_csrf", csrf);
    }
    withToken.putAll(form);
    return postRaw(path, withToken);
  }

  /** Posts exactly these fields: no CSRF token unless given. */
  public Api.Response postRaw(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        Map.of());
  }

  /** Signs up a new account (email and password) and keeps its session. */
  public Api.Response signUp(String email, String password) {
    get("/signup");
    return post("/signup", Map.of("email", email, "password", password));
  }

  public Api.Response signIn(String email, String password) {
    get("/login");
    return post("/login", Map.of("email", email, "password", password));
  }

  private Api.Response send(HttpRequest.Builder builder, Map<String, String> headers) {
    if (!cookies.isEmpty()) {
      builder.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    headers.forEach(builder::header);
    try {
      var response =
          http.send(
              builder.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      var matcher = CSRF_FIELD.matcher(response.body());
      if (matcher.find()) {
        csrf = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      }
      return new Api.Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
