package seedance.credit;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import seedance.credit.internal.ReconciliationRepository;

/**
 * Checks that money never drifted: every balance equals the sum of its ledger; every task has
 * exactly one charge equal to its price; every failed task exactly one refund equal to its charge,
 * and no other task any refund. Runs at start-up and hourly; a breach is logged as an error naming
 * what broke.
 */
@Service
public class Reconciliation {

  private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

  private final ReconciliationRepository repository;

  Reconciliation(ReconciliationRepository repository) {
    this.repository = repository;
  }

  /** The breaches found now; empty when the books balance. */
  public List<String> check() {
    var breaches = new ArrayList<String>();
    repository
        .balancesNotMatchingLedger()
        .forEach(a -> breaches.add("balance != ledger for account " + a));
    repository
        .tasksWithoutExactlyOneCharge()
        .forEach(t -> breaches.add("charge mismatch for task " + t));
    repository.refundMismatches().forEach(t -> breaches.add("refund mismatch for task " + t));
    return breaches;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "0 17 * * * *")
  public void report() {
    var breaches = check();
    if (breaches.isEmpty()) {
      log.info("reconciliation: ledger and balances agree");
    } else {
      breaches.forEach(b -> log.error("reconciliation breach: {}", b));
    }
  }
}
