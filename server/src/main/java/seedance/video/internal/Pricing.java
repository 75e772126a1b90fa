package seedance.video.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import seedance.video.PriceList;

/** What a request costs: ceil(credits per second x duration x channel percent / 100). */
@Component
class Pricing implements PriceList {

  private final PricingSettings settings;

  Pricing(PricingSettings settings) {
    this.settings = settings;
    verifyComplete(settings);
  }

  long price(SubmitRequest request) {
    return price(
        request.qualityTier(), request.resolution(), request.channel(), request.duration());
  }

  @Override
  public long price(String tier, String resolution, String channel, int seconds) {
    long perSecond = settings.creditsPerSecond().get(tier).get(resolution);
    long percent = settings.channelPercent().get(channel);
    return Math.ceilDiv(perSecond * seconds * percent, 100);
  }

  @Override
  public List<Rate> rates() {
    var rates = new ArrayList<Rate>();
    for (String tier : SubmitRequestParser.TIERS) {
      for (String resolution : SubmitRequestParser.RESOLUTIONS) {
        Integer rate = settings.creditsPerSecond().get(tier).get(resolution);
        if (rate != null && sellable(tier, resolution)) {
          rates.add(new Rate(tier, resolution, rate));
        }
      }
    }
    return List.copyOf(rates);
  }

  @Override
  public List<ChannelRate> channels() {
    return SubmitRequestParser.CHANNELS.stream()
        .map(c -> new ChannelRate(c, settings.channelPercent().get(c)))
        .toList();
  }

  private static boolean sellable(String tier, String resolution) {
    return tier.equals("pro") || !SubmitRequestParser.PRO_ONLY_RESOLUTIONS.contains(resolution);
  }

  /** A sellable combination without a price would fail at submit; refuse to start instead. */
  private static void verifyComplete(PricingSettings settings) {
    for (String tier : SubmitRequestParser.TIERS) {
      for (String resolution : SubmitRequestParser.RESOLUTIONS) {
        boolean sellable = sellable(tier, resolution);
        var row =
            settings.creditsPerSecond() == null ? null : settings.creditsPerSecond().get(tier);
        Integer rate = row == null ? null : row.get(resolution);
        if (sellable && (rate == null || rate <= 0)) {
          throw new IllegalStateException(
              "seedance.pricing.credits-per-second."
                  + tier
                  + "."
                  + resolution
                  + " must be a positive integer");
        }
      }
    }
    for (String channel : SubmitRequestParser.CHANNELS) {
      Integer percent =
          settings.channelPercent() == null ? null : settings.channelPercent().get(channel);
      if (percent == null || percent <= 0) {
        throw new IllegalStateException(
            "seedance.pricing.channel-percent." + channel + " must be a positive integer");
      }
    }
  }
}
