package seedance.provider.internal.ark;

/** The upstream benchmark with polling only (no SEEDANCE_PUBLIC_URL, so no callbacks). */
class UpstreamLoadPollingBenchmark extends UpstreamLoad {

  @Override
  String label() {
    return "polling";
  }

  @Override
  boolean callbacks() {
    return false;
  }
}
