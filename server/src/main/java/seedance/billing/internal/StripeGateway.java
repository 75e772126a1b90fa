package seedance.billing.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import seedance.web.ApiException;
import seedance.web.ErrorCode;

/** The only code that talks to Stripe's API, through the official SDK. */
@Component
class StripeGateway {

  private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

  /** What Stripe answered to a create: where to send the buyer. */
  record CreatedSession(String id, String url) {}

  private final StripeClient client;

  StripeGateway(BillingSettings settings) {
    if (!settings.enabled()) {
      client = null;
      return;
    }
    var builder =
        StripeClient.builder()
            .setApiKey(settings.stripeSecretKey())
            .setMaxNetworkRetries(2)
            .setConnectTimeout(10_000)
            .setReadTimeout(30_000);
    if (settings.stripeApiBase() != null && !settings.stripeApiBase().isBlank()) {
      builder.setApiBase(settings.stripeApiBase());
    }
    client = builder.build();
  }

  /**
   * Creates a Checkout Session for one pack. The idempotency key makes the SDK's own retries of a
   * create that timed out return the same session instead of a second one.
   */
  CreatedSession createCheckout(
      CreditPack pack,
      String currency,
      String accountId,
      String email,
      String holder,
      String successUrl,
      String cancelUrl,
      String idempotencyKey) {
    var params =
        SessionCreateParams.builder()
            .setMode(SessionCreateParams.Mode.PAYMENT)
            .setSuccessUrl(successUrl)
            .setCancelUrl(cancelUrl)
            .setClientReferenceId(accountId)
            .setCustomerEmail(email)
            .putMetadata("account_id", accountId)
            .putMetadata("holder", holder)
            .putMetadata("pack", pack.id())
            .addLineItem(
                SessionCreateParams.LineItem.builder()
                    .setQuantity(1L)
                    .setPriceData(
                        SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(currency)
                            .setUnitAmount(pack.amount())
                            .setProductData(
                                SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(pack.name() + " (" + pack.credits() + " credits)")
                                    .build())
                            .build())
                    .build())
            .build();
    try {
      var session =
          client
              .v1()
              .checkout()
              .sessions()
              .create(params, RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
      return new CreatedSession(session.getId(), session.getUrl());
    } catch (StripeException e) {
      // The SDK's message can name request details; the client gets a generic answer.
      log.error("Stripe refused a Checkout Session create: {} {}", e.getCode(), e.getStatusCode());
      throw new ApiException(
          ErrorCode.SERVICE_BUSY, "the payment provider is not reachable; try again shortly");
    }
  }
}
