/**
 * Buying credits: credit packs and the price table on the pricing page, Stripe Checkout, and the
 * webhook that alone grants what was paid for, once per Checkout Session.
 */
package seedance.billing;
