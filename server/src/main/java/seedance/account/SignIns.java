package seedance.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import seedance.account.internal.SignInRepository;
import seedance.config.ServerSecret;
import seedance.credit.CreditLedger;
import seedance.web.ApiException;
import seedance.web.ErrorCode;
import seedance.web.RandomIds;

/**
 * Dashboard sign-up and sign-in with a password, the login throttle and set-password links.
 * Passwords are kept only as bcrypt hashes.
 */
@Service
public class SignIns {

  /** Failed sign-ins for one email inside {@link #WINDOW} before that email is throttled. */
  public static final int MAX_FAILURES_PER_EMAIL = 10;

  /** Failed sign-ins from one address, over all emails, before the address is throttled. */
  public static final int MAX_FAILURES_PER_ADDRESS = 100;

  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final Duration LINK_TTL = Duration.ofDays(7);

  // Cost 11: about 0.1 s per hash on a server core, slow enough for stolen hashes, quick for users.
  private static final int BCRYPT_STRENGTH = 11;

  // Compared against when the email is unknown, so that answers take as long as for a real account.
  private static final String DUMMY_HASH =
      new BCryptPasswordEncoder(BCRYPT_STRENGTH).encode("not a real password");

  private final Accounts accounts;
  private final CreditLedger ledger;
  private final SignInRepository repository;
  private final ServerSecret secret;
  private final TransactionTemplate transactions;
  private final WebSessions sessions;
  private final InstantSource clock;
  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(BCRYPT_STRENGTH);

  SignIns(
      Accounts accounts,
      CreditLedger ledger,
      SignInRepository repository,
      ServerSecret secret,
      TransactionTemplate transactions,
      WebSessions sessions,
      InstantSource clock) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.repository = repository;
    this.secret = secret;
    this.transactions = transactions;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** Creates an account with a password and an empty balance, in one transaction. */
  public Account signUp(String email, String password) {
    checkPassword(password);
    String hash = encoder.encode(password);
    try {
      return transactions.execute(
          tx -> {
            var account = accounts.create(email == null ? "" : email);
            ledger.open(account.id());
            repository.setPasswordHash(account.id(), hash);
            return account;
          });
    } catch (ApiException e) {
      throw new SignInProblem(
          "email",
          e.code() == ErrorCode.ALREADY_EXISTS ? "signup.error.taken" : "signup.error.email");
    }
  }

  /**
   * Checks a password, counting failures per email and per client address: past the limits every
   * attempt is refused (even a right one) until the oldest failure leaves the window.
   */
  public SignInResult signIn(String email, String password, String clientAddress) {
    String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    String emailSubject = "email:" + normalized;
    String addressSubject = "ip:" + clientAddress;
    long now = clock.millis();
    long since = now - WINDOW.toMillis();
    long wait =
        Math.max(
            throttledFor(emailSubject, MAX_FAILURES_PER_EMAIL, since),
            throttledFor(addressSubject, MAX_FAILURES_PER_ADDRESS, since));
    if (wait > 0) {
      return new SignInResult(SignInResult.Outcome.THROTTLED, null, wait);
    }
    var credentials = repository.credentials(normalized);
    String hash = credentials.map(SignInRepository.Credentials::passwordHash).orElse(null);
    boolean matches =
        password != null
            && password.length() <= 1000
            && encoder.matches(password, hash == null ? DUMMY_HASH : hash)
            && hash != null;
    if (!matches) {
      transactions.executeWithoutResult(
          tx -> {
            repository.recordFailure(emailSubject, now);
            repository.recordFailure(addressSubject, now);
          });
      return new SignInResult(SignInResult.Outcome.WRONG, null, 0);
    }
    repository.clearFailures(emailSubject);
    return new SignInResult(
        SignInResult.Outcome.SIGNED_IN, accounts.require(credentials.get().accountId()), 0);
  }

  /**
   * The operator's sign-in with the admin token, throttled per client address like passwords:
   * {@code matches} is the caller's constant-time comparison of the token.
   */
  public SignInResult operatorSignIn(boolean matches, String clientAddress) {
    String subject = "operator-ip:" + clientAddress;
    long now = clock.millis();
    long wait = throttledFor(subject, MAX_FAILURES_PER_EMAIL, now - WINDOW.toMillis());
    if (wait > 0) {
      return new SignInResult(SignInResult.Outcome.THROTTLED, null, wait);
    }
    if (!matches) {
      repository.recordFailure(subject, now);
      return new SignInResult(SignInResult.Outcome.WRONG, null, 0);
    }
    repository.clearFailures(subject);
    return new SignInResult(SignInResult.Outcome.SIGNED_IN, null, 0);
  }

  /** A new single-use link token that lets the account set its password. */
  public PasswordLink passwordLink(String accountId) {
    accounts.require(accountId);
    String token = RandomIds.next("spw_", 40);
    long expiresAt = clock.millis() + LINK_TTL.toMillis();
    repository.insertToken(hashToken(token), accountId, expiresAt);
    return new PasswordLink(token, expiresAt);
  }

  /** The account a set-password token is for, if it can still be used. */
  public Optional<Account> passwordLinkAccount(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    return repository.tokenAccount(hashToken(token), clock.millis()).flatMap(accounts::find);
  }

  /**
   * Sets the password through a link (used once) and signs the account out everywhere else; the
   * account, or a problem when the link no longer works or the password is unacceptable.
   */
  public Account setPassword(String token, String password) {
    checkPassword(password);
    String hash = encoder.encode(password);
    String accountId =
        transactions.execute(
            tx -> {
              var id =
                  repository
                      .consumeToken(hashToken(token == null ? "" : token), clock.millis())
                      .orElseThrow(() -> new SignInProblem(null, "password.error.link"));
              repository.setPasswordHash(id, hash);
              sessions.endAll(id);
              return id;
            });
    return accounts.require(accountId);
  }

  @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
  void forgetOldFailures() {
    repository.forgetFailuresBefore(clock.millis() - WINDOW.toMillis());
  }

  private long throttledFor(String subject, int limit, long since) {
    if (repository.failuresSince(subject, since) < limit) {
      return 0;
    }
    long oldest = repository.oldestFailureSince(subject, since).orElse(since);
    long seconds = (oldest - since + 999) / 1000;
    return Math.max(1, seconds);
  }

  private String hashToken(String token) {
    return secret.hmacHex("password-link", token);
  }

  private static void checkPassword(String password) {
    if (password == null || password.codePointCount(0, password.length()) < 8) {
      throw new SignInProblem("password", "password.error.short");
    }
    // bcrypt reads at most 72 bytes; a longer password would be silently cut.
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
      throw new SignInProblem("password", "password.error.long");
    }
  }
}
