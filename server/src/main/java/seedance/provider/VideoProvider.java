package seedance.provider;

/**
 * Where videos are made. Shaped for asynchronous upstreams: {@link #submit} starts a paid
 * generation and returns the provider's id for it (the worker stores that id in its own commit
 * before anything else, and never calls submit blindly twice); {@link #poll} reads its state until
 * it ends.
 */
public interface VideoProvider {

  /** Stable name, stored on the task. */
  String name();

  /** Starts a generation and returns the provider's id for it. */
  String submit(GenerationRequest request);

  /** The generation's current state; outputs are set when it succeeded. */
  GenerationStatus poll(String upstreamId, GenerationRequest request);

  /**
   * Whether this provider has any model for the channel; a route that names it for one it has not
   * stops start-up rather than failing every task.
   */
  default boolean servesChannel(String channel) {
    return true;
  }

  /**
   * True when {@link #poll} does the work itself, in this process (the local renderer): it runs
   * right after submit with the user's media at hand. Upstreams answer false and are polled one
   * short step at a time, from the queue.
   */
  default boolean local() {
    return false;
  }

  /** Best effort; providers without cancellation ignore it. */
  default void cancel(String upstreamId) {}

  /**
   * After an ambiguous create: the id of a generation this upstream already has for the task, if
   * the upstream lets us find it (Ark can list tasks and match our task id), so we never pay twice.
   */
  default java.util.Optional<String> findSubmitted(GenerationRequest request) {
    return java.util.Optional.empty();
  }
}
