package seedance.billing.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe keys (SEEDANCE_STRIPE_SECRET_KEY, SEEDANCE_STRIPE_WEBHOOK_SECRET), the API base (only
 * tests change it), and the credit packs for sale. Billing is on only when both keys are set.
 */
@ConfigurationProperties("seedance.billing")
record BillingSettings(
    String stripeSecretKey,
    String stripeWebhookSecret,
    String stripeApiBase,
    Duration webhookTolerance,
    String currency,
    List<CreditPack> packs) {

  BillingSettings {
    packs = packs == null ? List.of() : List.copyOf(packs);
    webhookTolerance = webhookTolerance == null ? Duration.ofMinutes(5) : webhookTolerance;
    currency = currency == null || currency.isBlank() ? "usd" : currency.toLowerCase();
    for (var pack : packs) {
      if (pack.id() == null || !pack.id().matches("[a-z0-9-]{1,32}")) {
        throw new IllegalStateException(
            "seedance.billing.packs[].id must be 1-32 of a-z, 0-9 and '-': " + pack.id());
      }
      if (pack.credits() <= 0 || pack.amount() <= 0) {
        throw new IllegalStateException(
            "seedance.billing.packs " + pack.id() + ": credits and amount must be positive");
      }
    }
  }

  boolean enabled() {
    return present(stripeSecretKey) && present(stripeWebhookSecret);
  }

  java.util.Optional<CreditPack> pack(String id) {
    return packs.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
