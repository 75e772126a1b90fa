package seedance.video.internal;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import seedance.apikey.Caller;
import seedance.config.CrashPoints;
import seedance.credit.Book;
import seedance.credit.CreditLedger;
import seedance.credit.Reconciliation;
import seedance.credit.Wallet;
import seedance.idempotency.IdempotencyKeys;
import seedance.idempotency.StoredResponse;
import seedance.provider.Providers;
import seedance.task.Task;
import seedance.task.TaskSettings;
import seedance.task.TaskSubmitted;
import seedance.task.Tasks;
import seedance.video.VideoSubmissions;
import seedance.web.ApiException;
import seedance.web.ErrorCode;
import seedance.web.JsonObject;
import seedance.web.RandomIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accepts a validated request: the idempotency row, the charge with its ledger row, and the task
 * (which is also its queue entry) are written in ONE transaction, and the 202 leaves only after it
 * commits.
 */
@Service
class SubmitService implements VideoSubmissions {

  static final String MODEL = "seedance2";

  private final IdempotencyKeys idempotency;
  private final CreditLedger ledger;
  private final Tasks tasks;
  private final Pricing pricing;
  private final TransactionTemplate transactions;
  private final InstantSource clock;
  private final JsonMapper json;
  private final TaskSettings taskSettings;
  private final ApplicationEventPublisher events;
  private final Reconciliation reconciliation;
  private final CrashPoints crashPoints;
  private final Providers providers;

  SubmitService(
      IdempotencyKeys idempotency,
      CreditLedger ledger,
      Tasks tasks,
      Pricing pricing,
      TransactionTemplate transactions,
      InstantSource clock,
      JsonMapper json,
      TaskSettings taskSettings,
      ApplicationEventPublisher events,
      Reconciliation reconciliation,
      CrashPoints crashPoints,
      Providers providers) {
    this.reconciliation = reconciliation;
    this.crashPoints = crashPoints;
    this.idempotency = idempotency;
    this.ledger = ledger;
    this.tasks = tasks;
    this.pricing = pricing;
    this.transactions = transactions;
    this.clock = clock;
    this.json = json;
    this.taskSettings = taskSettings;
    this.events = events;
    this.providers = providers;
  }

  @Override
  public Accepted submit(Caller caller, String key, JsonObject body, String sandboxOutcome) {
    var request = SubmitRequestParser.parse(body);
    checkSandboxOutcome(sandboxOutcome);
    // The sandbox header changes what the task does, so a retry must repeat it to be the same
    // request.
    String target =
        sandboxOutcome == null ? PATH : PATH + " " + SANDBOX_HEADER + ": " + sandboxOutcome;
    String fingerprint = IdempotencyKeys.fingerprint("POST", target, body.node());
    return submit(caller, key, fingerprint, request, sandboxOutcome);
  }

  @Override
  public long price(JsonObject body) {
    return pricing.price(SubmitRequestParser.parse(body));
  }

  @Override
  public String requestBody(Task task) {
    var request = json.readValue(task.requestJson(), SubmitRequest.class);
    var body = new LinkedHashMap<String, Object>();
    body.put("prompt", request.prompt());
    body.put("mode", request.mode());
    body.put("quality_tier", request.qualityTier());
    body.put("channel", request.channel());
    body.put("aspect_ratio", request.aspectRatio());
    body.put("duration", Integer.toString(request.duration()));
    body.put("resolution", request.resolution());
    if (request.imageUrl() != null) {
      body.put("image_url", request.imageUrl());
    }
    if (request.endImageUrl() != null) {
      body.put("end_image_url", request.endImageUrl());
    }
    if (request.mediaUrls() != null && !request.mediaUrls().isEmpty()) {
      body.put("media_urls", request.mediaUrls());
    }
    body.put("generate_audio", request.generateAudio());
    body.put("fixed_lens", request.fixedLens());
    if (request.seed() != null) {
      body.put("seed", request.seed());
    }
    return json.writeValueAsString(body);
  }

  private static void checkSandboxOutcome(String value) {
    if (value != null && !value.equals("failed")) {
      throw ApiException.invalidField(
          SANDBOX_HEADER, SANDBOX_HEADER + " must be \"failed\" (or be left out)");
    }
  }

  private Accepted submit(
      Caller caller,
      String headerKey,
      String fingerprint,
      SubmitRequest request,
      String sandboxOutcome) {
    var book = Book.forKeyMode(caller.mode());
    String key = scoped(headerKey, book);
    var earlier = replay(caller, key, fingerprint);
    if (earlier != null) {
      return earlier;
    }
    if (reconciliation.isFrozen(caller.accountId())) {
      // Not a blip: the next reconciliation runs within the hour.
      throw new ApiException(
          ErrorCode.SERVICE_BUSY,
          "this account's balance is being checked; new videos are paused until it reconciles",
          Map.of("Retry-After", "600"));
    }
    long price = pricing.price(request);
    String taskId = RandomIds.next("sd2_", 24);
    String body = acceptedBody(taskId, request, price);
    boolean stored =
        transactions.execute(
            tx -> {
              if (!idempotency.store(
                  caller.accountId(), key, new StoredResponse(fingerprint, taskId, 202, body))) {
                // Another request took this key between our read and our insert; it has committed.
                tx.setRollbackOnly();
                return false;
              }
              ledger.charge(new Wallet(caller.accountId(), book), taskId, price);
              // After the charge (402 outranks 503); throwing rolls back the charge and the key.
              refuseWhenNoRoute(book, request);
              long now = clock.millis();
              tasks.insert(
                  new Task(
                      taskId,
                      caller.accountId(),
                      caller.keyId(),
                      Task.PROCESSING,
                      MODEL,
                      request.qualityTier(),
                      request.channel(),
                      json.writeValueAsString(request),
                      price,
                      0,
                      null,
                      null,
                      null,
                      now,
                      now,
                      now + taskSettings.deadline().toMillis(),
                      sandboxOutcome,
                      book.wire(),
                      lane(book, request)));
              crashPoints.reach("ledger.after_charge_before_commit");
              return true;
            });
    if (stored) {
      crashPoints.reach("submit.after_commit_before_response");
      events.publishEvent(new TaskSubmitted(taskId));
      return new Accepted(taskId, body, false);
    }
    var winner = replay(caller, key, fingerprint);
    if (winner == null) {
      throw IdempotencyKeys.inProgress();
    }
    return winner;
  }

  /**
   * Test and live keys keep their Idempotency-Keys apart, so a key first used while testing starts
   * a real task when reused with a live key instead of replaying the play-money one. A header key
   * has no spaces, so the prefix cannot collide with a live key.
   */
  private static String scoped(String key, Book book) {
    return book == Book.SANDBOX ? "sandbox " + key : key;
  }

  /**
   * A task no provider can take now is refused before it exists. Test keys always render locally,
   * so they are never refused for the upstreams' state.
   */
  private void refuseWhenNoRoute(Book book, SubmitRequest request) {
    if (book == Book.SANDBOX) {
      return;
    }
    var busy = providers.busy(request.qualityTier(), request.channel());
    if (busy.isPresent()) {
      long seconds = Math.max(1, (busy.get().retryAfter().toMillis() + 999) / 1000);
      throw new ApiException(
          ErrorCode.SERVICE_BUSY, busy.get().message(), Map.of("Retry-After", "" + seconds));
    }
  }

  /**
   * A create is a short HTTP call and a local render many seconds of CPU, so they are claimed from
   * separate pools; test keys always render locally whatever the route says.
   */
  private String lane(Book book, SubmitRequest request) {
    return book == Book.LIVE && providers.reachesUpstream(request.qualityTier(), request.channel())
        ? Task.UPSTREAM_LANE
        : Task.RENDER_LANE;
  }

  private Accepted replay(Caller caller, String key, String fingerprint) {
    var stored = idempotency.find(caller.accountId(), key);
    if (stored.isEmpty()) {
      return null;
    }
    if (!stored.get().fingerprint().equals(fingerprint)) {
      throw IdempotencyKeys.reusedWithOtherBody();
    }
    return new Accepted(stored.get().taskId(), stored.get().body(), true);
  }

  private String acceptedBody(String taskId, SubmitRequest request, long price) {
    var body = new LinkedHashMap<String, Object>();
    body.put("id", taskId);
    body.put("status", Task.PROCESSING);
    body.put("model", MODEL);
    body.put("quality_tier", request.qualityTier());
    body.put("channel", request.channel());
    body.put("credits_used", price);
    return json.writeValueAsString(body);
  }
}
