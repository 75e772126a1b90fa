package seedance.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import seedance.testing.BrowserTest;

/** The dashboard in a real browser: what a user does and sees, with screenshots of each page. */
class DashboardBrowserTest extends BrowserTest {

  @Test
  void signUpAndSeeTheOverview() {
    open("/signup");
    screenshot("signup");
    signUp();

    assertThat(find("#balance").getText()).isEqualTo("0");
    screenshot("overview-new");
  }
}
