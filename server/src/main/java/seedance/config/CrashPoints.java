package seedance.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Named places where a crash test can kill the process outright, to prove that money and tasks
 * survive a crash at exactly that line (T-IDEM-7, T-LED-3). Armed only with test hooks on
 * (SEEDANCE_TEST_HOOKS=1, which needs a loopback-only server) and SEEDANCE_TEST_CRASH_POINT naming
 * the point; otherwise {@link #reach} does nothing.
 */
@Component
public class CrashPoints {

  private static final Logger log = LoggerFactory.getLogger(CrashPoints.class);

  private final String armed;

  CrashPoints(
      @Value("${seedance.test-hooks.enabled:false}") boolean hooks,
      @Value("${seedance.test-hooks.crash-point:}") String point) {
    this.armed = hooks && !point.isBlank() ? point : null;
    if (armed != null) {
      log.warn("crash point {} is armed: the process halts when it gets there", armed);
    }
  }

  /** Halts the JVM at once, as kill -9 would, if this is the armed point. */
  public void reach(String point) {
    if (point.equals(armed)) {
      Runtime.getRuntime().halt(137);
    }
  }
}
