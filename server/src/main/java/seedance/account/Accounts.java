package seedance.account;

import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import seedance.account.internal.AccountRepository;
import seedance.web.ApiException;
import seedance.web.ErrorCode;
import seedance.web.RandomIds;

/** Creates and finds accounts. Balances belong to the credit module. */
@Service
public class Accounts {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

  private final AccountRepository repository;
  private final InstantSource clock;

  Accounts(AccountRepository repository, InstantSource clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Creates an account; must run inside the caller's transaction so that opening its balance is
   * atomic.
   */
  public Account create(String email) {
    String normalized = email.trim().toLowerCase(Locale.ROOT);
    if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
      throw ApiException.invalidField("email", "email must be a valid email address");
    }
    var account = new Account(RandomIds.next("acct_", 20), normalized, clock.millis());
    try {
      repository.insert(account);
    } catch (DuplicateKeyException e) {
      throw new ApiException(ErrorCode.ALREADY_EXISTS, "an account with this email already exists");
    }
    return account;
  }

  public Optional<Account> findByEmail(String email) {
    return repository.findByEmail(email.trim().toLowerCase(Locale.ROOT));
  }

  /** Accounts newest first, optionally only those whose email contains {@code emailPart}. */
  public List<Account> list(String emailPart, int offset, int limit) {
    String part =
        emailPart == null || emailPart.isBlank()
            ? null
            : emailPart.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "");
    return repository.list(part == null || part.isEmpty() ? null : part, offset, limit);
  }

  public Optional<Account> find(String id) {
    return repository.find(id);
  }

  public Account require(String id) {
    return find(id).orElseThrow(() -> ApiException.notFound("no such account"));
  }
}
