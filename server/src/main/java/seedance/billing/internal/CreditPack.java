package seedance.billing.internal;

/**
 * A pack of credits for sale: {@code amount} is the price in the currency's smallest unit (cents),
 * as Stripe takes it.
 */
record CreditPack(String id, String name, long credits, long amount) {

  /** The price as a decimal string, e.g. 1000 → "10.00"; every currency we sell has 2 decimals. */
  String price() {
    return (amount / 100) + "." + String.format("%02d", amount % 100);
  }
}
