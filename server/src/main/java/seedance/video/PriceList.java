package seedance.video;

import java.util.List;

/**
 * The configured price table, for pages that show it. Prices are computed only by the submit path;
 * this is a read-only view of the same configuration, so a page never shows a price the API would
 * not charge.
 */
public interface PriceList {

  /** One sellable tier and resolution with its credits per second of video. */
  record Rate(String tier, String resolution, long creditsPerSecond) {}

  /** One channel and the percentage of the base price it charges. */
  record ChannelRate(String channel, long percent) {}

  /**
   * Sellable combinations, tiers in order mini, standard, pro and resolutions in ascending order.
   */
  List<Rate> rates();

  List<ChannelRate> channels();

  /** What a request with these parameters costs, exactly as the API charges it. */
  long price(String tier, String resolution, String channel, int seconds);
}
