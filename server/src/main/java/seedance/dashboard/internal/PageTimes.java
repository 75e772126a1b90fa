package seedance.dashboard.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times on pages: minutes in UTC (the same for every reader, and what the API returns). */
final class PageTimes {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private PageTimes() {}

  static String format(Long epochMillis) {
    return epochMillis == null ? null : MINUTES.format(Instant.ofEpochMilli(epochMillis));
  }
}
