package seedance.billing.internal;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.time.InstantSource;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import seedance.credit.CreditLedger;
import seedance.credit.Wallet;
import seedance.web.ApiException;
import seedance.web.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns verified Stripe events into credits. The event row, the session's move to paid and the
 * ledger grant are one transaction: a retried event finds its row and changes nothing, two
 * concurrent deliveries serialise on the row's primary key, and a crash before the commit leaves
 * nothing, so Stripe's next retry grants.
 */
@Service
class StripeWebhooks {

  private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BillingSettings settings;
  private final CheckoutRepository repository;
  private final CreditLedger ledger;
  private final TransactionTemplate transactions;
  private final InstantSource clock;

  StripeWebhooks(
      BillingSettings settings,
      CheckoutRepository repository,
      CreditLedger ledger,
      TransactionTemplate transactions,
      InstantSource clock) {
    this.settings = settings;
    this.repository = repository;
    this.ledger = ledger;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** Verifies and applies one delivery; returns what happened, for the response and the logs. */
  String handle(String payload, String signatureHeader) {
    if (!settings.enabled()) {
      throw new ApiException(ErrorCode.NOT_FOUND, "billing is not configured on this server");
    }
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw ApiException.invalid("missing Stripe-Signature header");
    }
    try {
      Webhook.constructEvent(
          payload,
          signatureHeader,
          settings.stripeWebhookSecret(),
          settings.webhookTolerance().toSeconds(),
          clock.withZone(ZoneOffset.UTC));
    } catch (SignatureVerificationException e) {
      log.warn("Stripe webhook refused: bad or expired signature");
      throw ApiException.invalid("invalid Stripe-Signature");
    }
    // Read the verified bytes ourselves: the SDK only deserialises objects of its own API version.
    JsonNode event = JSON.readTree(payload);
    String eventId = event.path("id").asString("");
    String type = event.path("type").asString("");
    JsonNode object = event.path("data").path("object");
    if (eventId.isEmpty() || type.isEmpty()) {
      throw ApiException.invalid("event without id or type");
    }
    String sessionId =
        "checkout.session".equals(object.path("object").asString(""))
            ? object.path("id").asString(null)
            : null;
    String outcome =
        transactions.execute(
            tx -> {
              if (!repository.recordEvent(eventId, type, sessionId, clock.millis())) {
                return "duplicate";
              }
              String result = apply(type, object, sessionId);
              repository.setOutcome(eventId, result);
              return result;
            });
    log.info("Stripe event {} {} -> {}", eventId, type, outcome);
    return outcome;
  }

  private String apply(String type, JsonNode session, String sessionId) {
    boolean pays =
        type.equals("checkout.session.completed")
            || type.equals("checkout.session.async_payment_succeeded");
    if (!pays || sessionId == null) {
      return "ignored";
    }
    // A delayed payment method completes the session unpaid; its async_payment_succeeded pays.
    if (!"paid".equals(session.path("payment_status").asString(""))) {
      return "unpaid";
    }
    var checkout = repository.find(sessionId).orElse(null);
    if (checkout == null) {
      // Not one of ours (another integration on the same Stripe account): acknowledge, grant
      // nothing.
      return "unknown_session";
    }
    long paidAmount = session.path("amount_total").asLong(-1);
    String paidCurrency = session.path("currency").asString("");
    if (paidAmount != checkout.amount() || !paidCurrency.equalsIgnoreCase(checkout.currency())) {
      log.error(
          "Stripe session {} paid {} {} but was created for {} {}; nothing granted",
          sessionId,
          paidAmount,
          paidCurrency,
          checkout.amount(),
          checkout.currency());
      return "amount_mismatch";
    }
    if (!repository.markPaid(sessionId, clock.millis())) {
      return "already_paid";
    }
    ledger.grant(Wallet.live(checkout.holder()), checkout.credits(), "stripe:" + sessionId);
    return "granted";
  }
}
