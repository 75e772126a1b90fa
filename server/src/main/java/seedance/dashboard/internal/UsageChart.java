package seedance.dashboard.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import seedance.credit.LedgerEntry;

/**
 * Credits spent per UTC day (charges less their refunds), as the geometry of an inline SVG bar
 * chart that stretches to any width (no script); the dates are HTML under it, so they keep their
 * size on a phone.
 */
record UsageChart(List<Bar> bars, List<Tick> ticks, long total, long max, int width, int height) {

  static final int DAYS = 30;
  static final int WIDTH = 600;
  static final int HEIGHT = 120;

  /** One day's bar. */
  record Bar(double x, double y, double width, double height, String date, long credits) {}

  /** A date under the axis, at {@code left} percent of the width (the middle of its bar). */
  record Tick(double left, String label) {}

  static UsageChart of(List<LedgerEntry> entries, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    LocalDate first = today.minusDays(DAYS - 1);
    long[] spent = new long[DAYS];
    for (LedgerEntry e : entries) {
      if (!e.kind().equals("charge") && !e.kind().equals("refund")) {
        continue;
      }
      LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(e.createdAt()), ZoneOffset.UTC);
      int index = (int) (day.toEpochDay() - first.toEpochDay());
      if (index >= 0 && index < DAYS) {
        spent[index] -= e.amount();
      }
    }
    long max = 0;
    long total = 0;
    for (int i = 0; i < DAYS; i++) {
      // A refund landing the day after its charge could make a day negative: show it as zero.
      spent[i] = Math.max(0, spent[i]);
      max = Math.max(max, spent[i]);
      total += spent[i];
    }
    double slot = (double) WIDTH / DAYS;
    var bars = new ArrayList<Bar>(DAYS);
    var ticks = new ArrayList<Tick>();
    for (int i = 0; i < DAYS; i++) {
      double h = max == 0 ? 0 : Math.max(spent[i] > 0 ? 2 : 0, (HEIGHT - 4.0) * spent[i] / max);
      LocalDate day = first.plusDays(i);
      bars.add(new Bar(i * slot + 2, HEIGHT - 1 - h, slot - 4, h, day.toString(), spent[i]));
      // Weekly dates counted back from today, so today is always named.
      if ((DAYS - 1 - i) % 7 == 0) {
        ticks.add(new Tick(100.0 * (i + 0.5) / DAYS, day.toString().substring(5)));
      }
    }
    return new UsageChart(bars, ticks, total, max, WIDTH, HEIGHT);
  }

  static long since(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC)
        .minusDays(DAYS - 1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant()
        .toEpochMilli();
  }
}
