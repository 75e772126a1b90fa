package seedance.billing.internal;

import java.time.InstantSource;
import org.springframework.stereotype.Service;
import seedance.account.Accounts;
import seedance.web.ApiException;
import seedance.web.ErrorCode;
import seedance.web.RandomIds;

/** Starts a purchase: a Checkout Session at Stripe and our record of what it is worth. */
@Service
class Checkouts {

  private final BillingSettings settings;
  private final StripeGateway stripe;
  private final CheckoutRepository repository;
  private final Accounts accounts;
  private final InstantSource clock;

  Checkouts(
      BillingSettings settings,
      StripeGateway stripe,
      CheckoutRepository repository,
      Accounts accounts,
      InstantSource clock) {
    this.settings = settings;
    this.stripe = stripe;
    this.repository = repository;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * Creates the session and returns the URL of Stripe's hosted payment page. Nothing is granted
   * here: only the verified webhook does that. The row is written after Stripe answered, so a
   * failed create leaves nothing behind; a session paid without a row is refused by the webhook.
   */
  String start(String accountId, String holder, String packId, String baseUrl) {
    if (!settings.enabled()) {
      throw new ApiException(ErrorCode.NOT_FOUND, "billing is not configured on this server");
    }
    var pack =
        settings.pack(packId).orElseThrow(() -> ApiException.invalidField("pack", "no such pack"));
    var account = accounts.require(accountId);
    var created =
        stripe.createCheckout(
            pack,
            settings.currency(),
            accountId,
            account.email(),
            holder,
            baseUrl + "/dashboard/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}",
            baseUrl + "/dashboard/billing?checkout=cancelled",
            RandomIds.next("co_", 24));
    repository.insert(
        new CheckoutRepository.Checkout(
            created.id(),
            accountId,
            holder,
            pack.id(),
            pack.credits(),
            pack.amount(),
            settings.currency(),
            "open",
            clock.millis()));
    return created.url();
  }
}
