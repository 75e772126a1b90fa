package seedance.billing.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/stripe}: Stripe's deliveries. The body is taken as raw bytes because the
 * signature covers the exact bytes. 200 for every verified event, handled or not, so Stripe stops
 * retrying; 400 for a bad signature.
 */
@RestController
class StripeWebhookController {

  private final StripeWebhooks webhooks;

  StripeWebhookController(StripeWebhooks webhooks) {
    this.webhooks = webhooks;
  }

  @PostMapping(path = "/webhooks/stripe")
  Map<String, Object> receive(
      @RequestBody(required = false) byte[] payload,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    String body = payload == null ? "" : new String(payload, StandardCharsets.UTF_8);
    String outcome = webhooks.handle(body, signature);
    return Map.of("received", true, "outcome", outcome);
  }
}
