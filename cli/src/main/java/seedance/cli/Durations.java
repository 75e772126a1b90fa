package seedance.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 90s}, {@code 10m}, {@code 1h} or ISO-8601 ({@code PT10M}). */
final class Durations implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("pt") || v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      long amount = Long.parseLong(v.substring(0, v.length() - 1));
      return switch (v.charAt(v.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new TypeConversionException("use 90s, 10m or 1h: " + value);
      };
    } catch (RuntimeException e) {
      if (e instanceof TypeConversionException t) {
        throw t;
      }
      throw new TypeConversionException("use 90s, 10m or 1h: " + value);
    }
  }
}
