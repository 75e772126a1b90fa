package seedance.provider.internal.fal;

import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * One request filed with {@link FalFakeServer}, and where it stands: one step per status call
 * (IN_QUEUE, IN_QUEUE, IN_PROGRESS, then COMPLETED from the fourth call), or in clock mode on time
 * (queued for the first quarter, running, COMPLETED at {@code endsAt}) whoever asks.
 */
final class FalFakeRequest {

  final String id;
  final String app;
  final String endpoint;
  final JsonNode input;

  /** The {@code fal_webhook} URL it was submitted with, decoded, or null. */
  final String webhook;

  /** Clock mode: epoch ms when it leaves the queue and when it ends; both 0 in per-call mode. */
  final long runningFrom;

  final long endsAt;

  final AtomicInteger statusCalls = new AtomicInteger();
  final AtomicInteger resultCalls = new AtomicInteger();

  /** Webhook posts begun for it. */
  final AtomicInteger webhooks = new AtomicInteger();

  volatile boolean cancelled;

  /** Its webhook is going out: fal posts only once a request is done, so it is done by then. */
  volatile boolean webhookDue;

  FalFakeRequest(
      String id,
      String app,
      String endpoint,
      JsonNode input,
      String webhook,
      long runningFrom,
      long endsAt) {
    this.id = id;
    this.app = app;
    this.endpoint = endpoint;
    this.input = input;
    this.webhook = webhook;
    this.runningFrom = runningFrom;
    this.endsAt = endsAt;
  }

  boolean clocked() {
    return endsAt > 0;
  }

  /** A cancelled request ends at once. */
  boolean completed() {
    if (cancelled) {
      return true;
    }
    return clocked() ? webhookDue || System.currentTimeMillis() >= endsAt : statusCalls.get() >= 4;
  }

  /** The status fal shows on the status call numbered {@code call} (from 1). */
  String status(int call) {
    if (completed()) {
      return "COMPLETED";
    }
    boolean queued = clocked() ? System.currentTimeMillis() < runningFrom : call <= 2;
    return queued ? "IN_QUEUE" : "IN_PROGRESS";
  }

  /** Its place in the queue while IN_QUEUE. */
  int queuePosition(int call) {
    return clocked() ? 0 : Math.max(0, 2 - call);
  }
}
