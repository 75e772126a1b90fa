package seedance.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the parts of Stripe the server uses, so no test reaches the internet: the
 * Checkout Session create and retrieve endpoints as stripe-java calls them (form-encoded POST, JSON
 * answers), a hosted "checkout page" with a Pay button, and signed webhook deliveries to the
 * server. Signatures are made here with the JDK's HMAC, independently of the SDK that checks them.
 */
public final class FakeStripe implements AutoCloseable {

  public static final String SECRET_KEY = "sk_test_fake_0123456789";
  public static final String WEBHOOK_SECRET = "whsec_fake_test_secret_0123456789abcdef";

  /** One webhook delivery as sent, with the status our server answered. */
  public record Delivery(
      String eventId, String payload, String signature, int status, String body) {}

  /** A Checkout Session as the fake keeps it. */
  public static final class Session {
    public final String id;
    public final Map<String, String> form;
    public volatile String paymentStatus = "unpaid";

    Session(String id, Map<String, String> form) {
      this.id = id;
      this.form = form;
    }

    public long amount() {
      return Long.parseLong(form.get("line_items[0][price_data][unit_amount]"));
    }

    public String currency() {
      return form.get("line_items[0][price_data][currency]");
    }

    public String successUrl() {
      return form.get("success_url").replace("{CHECKOUT_SESSION_ID}", id);
    }
  }

  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private volatile String webhookUrl;
  private volatile boolean failCreates;

  public FakeStripe() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/v1/checkout/sessions", this::api);
    server.createContext("/pay/", this::payPage);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Where "Stripe" sends events: the server's {@code /webhooks/stripe}. */
  public void webhookUrl(String url) {
    this.webhookUrl = url;
  }

  /** While on, session creates answer 500 as Stripe does when it is down. */
  public void failCreates(boolean on) {
    this.failCreates = on;
  }

  public Session session(String id) {
    return sessions.get(id);
  }

  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** The Authorization headers the API saw, to check which key the server used. */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  /** What the Pay button does: the session becomes paid and its completed event is delivered. */
  public Delivery pay(String sessionId) {
    var session = sessions.get(sessionId);
    session.paymentStatus = "paid";
    return deliver(event("checkout.session.completed", sessionJson(session)));
  }

  /** A new event (its own id) of {@code type} about {@code session}, as JSON text. */
  public String event(String type, ObjectNode sessionObject) {
    var event = Api.JSON.createObjectNode();
    event.put("id", "evt_" + UUID.randomUUID().toString().replace("-", ""));
    event.put("object", "event");
    event.put("api_version", com.stripe.Stripe.API_VERSION);
    event.put("created", System.currentTimeMillis() / 1000);
    event.put("livemode", false);
    event.put("pending_webhooks", 1);
    event.put("type", type);
    event.putObject("data").set("object", sessionObject);
    return event.toString();
  }

  public ObjectNode sessionJson(Session s) {
    var o = Api.JSON.createObjectNode();
    o.put("id", s.id);
    o.put("object", "checkout.session");
    o.put("mode", "payment");
    o.put("status", "paid".equals(s.paymentStatus) ? "complete" : "open");
    o.put("payment_status", s.paymentStatus);
    o.put("amount_total", s.amount());
    o.put("currency", s.currency());
    o.put("client_reference_id", s.form.get("client_reference_id"));
    o.put("customer_email", s.form.get("customer_email"));
    o.put("success_url", s.form.get("success_url"));
    o.put("cancel_url", s.form.get("cancel_url"));
    o.put("url", base() + "/pay/" + s.id);
    var metadata = o.putObject("metadata");
    s.form.forEach(
        (k, v) -> {
          if (k.startsWith("metadata[")) {
            metadata.put(k.substring(9, k.length() - 1), v);
          }
        });
    return o;
  }

  /** Signs {@code payload} now with the webhook secret and posts it to the server. */
  public Delivery deliver(String payload) {
    return send(payload, signature(payload, System.currentTimeMillis() / 1000, WEBHOOK_SECRET));
  }

  /** Posts {@code payload} with exactly this Stripe-Signature header (a replay or a forgery). */
  public Delivery send(String payload, String signature) {
    var request =
        HttpRequest.newBuilder(URI.create(webhookUrl))
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Stripe-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
            .build();
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      var delivery =
          new Delivery(
              Api.JSON.readTree(payload).path("id").asString(),
              payload,
              signature,
              response.statusCode(),
              response.body());
      deliveries.add(delivery);
      return delivery;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stripe's scheme: {@code t=<unix seconds>,v1=hex(HMAC-SHA256(secret, t + "." + payload))}. */
  public static String signature(String payload, long unixSeconds, String secret) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((unixSeconds + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void api(HttpExchange exchange) throws IOException {
    try (exchange) {
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      String path = exchange.getRequestURI().getPath();
      if (exchange.getRequestMethod().equals("POST") && path.equals("/v1/checkout/sessions")) {
        if (failCreates) {
          json(exchange, 500, "{\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}");
          return;
        }
        var form = parseForm(new String(exchange.getRequestBody().readAllBytes(), UTF8));
        String id = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        var session = new Session(id, form);
        sessions.put(id, session);
        json(exchange, 200, sessionJson(session).toString());
        return;
      }
      String id = path.substring("/v1/checkout/sessions/".length());
      var session = exchange.getRequestMethod().equals("GET") ? sessions.get(id) : null;
      if (session == null) {
        json(
            exchange,
            404,
            "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such session\"}}");
        return;
      }
      json(exchange, 200, sessionJson(session).toString());
    }
  }

  private void payPage(HttpExchange exchange) throws IOException {
    try (exchange) {
      String id = exchange.getRequestURI().getPath().substring("/pay/".length());
      var session = sessions.get(id);
      if (session == null) {
        html(exchange, 404, "<p>No such checkout session</p>");
        return;
      }
      if (exchange.getRequestMethod().equals("POST")) {
        pay(id);
        exchange.getResponseHeaders().set("Location", session.successUrl());
        exchange.sendResponseHeaders(303, -1);
        return;
      }
      String name = escape(session.form.get("line_items[0][price_data][product_data][name]"));
      html(
          exchange,
          200,
          """
          <!doctype html><html><head><meta charset="utf-8"><title>Fake Stripe Checkout</title>
          <meta name="viewport" content="width=device-width, initial-scale=1"></head>
          <body style="font-family:sans-serif;max-width:420px;margin:40px auto;padding:0 16px">
          <p style="color:#635bff;font-weight:bold">Fake Stripe (test)</p>
          <h1 id="product">%s</h1><p id="amount">%s %d.%02d</p>
          <form method="post"><button id="pay" type="submit"
            style="background:#635bff;color:#fff;border:0;padding:12px 24px;border-radius:6px">Pay</button>
          </form></body></html>
          """
              .formatted(
                  name,
                  session.currency().toUpperCase(java.util.Locale.ROOT),
                  session.amount() / 100,
                  session.amount() % 100));
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static Map<String, String> parseForm(String body) {
    var form = new LinkedHashMap<String, String>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), UTF8),
          URLDecoder.decode(pair.substring(eq + 1), UTF8));
    }
    return form;
  }

  private static void json(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    byte[] bytes = body.getBytes(UTF8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void html(HttpExchange exchange, int status, String body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    byte[] bytes = body.getBytes(UTF8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String escape(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
