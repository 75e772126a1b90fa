package seedance;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of {@code seedance} is a module; others may use only its root package.
 */
class ModularityTest {

  @Test
  void modulesRespectTheirBoundariesAndHaveNoCycles() {
    ApplicationModules.of(SeedanceApplication.class).verify();
  }
}
