/** The fal.ai adapter: Seedance 2.0 through fal's queue API. */
package seedance.provider.internal.fal;
