package seedance.video.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The price table: whole credits per second of output by quality tier and resolution, times a
 * percentage per channel. Defaults are in application.yml and the README.
 */
@ConfigurationProperties("seedance.pricing")
record PricingSettings(
    Map<String, Map<String, Integer>> creditsPerSecond, Map<String, Integer> channelPercent) {}
