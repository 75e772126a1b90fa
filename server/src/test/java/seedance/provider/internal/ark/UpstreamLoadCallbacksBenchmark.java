package seedance.provider.internal.ark;

import org.springframework.test.context.TestPropertySource;

/**
 * The upstream benchmark with callbacks: SEEDANCE_PUBLIC_URL set, the fake Ark calls each task's
 * {@code callback_url} when it is created and when it ends.
 */
@TestPropertySource(properties = "seedance.public-url=http://callbacks.invalid")
class UpstreamLoadCallbacksBenchmark extends UpstreamLoad {

  @Override
  String label() {
    return "callbacks";
  }

  @Override
  boolean callbacks() {
    return true;
  }
}
