package seedance.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import seedance.credit.internal.ReconciliationRepository;
import seedance.credit.internal.ReconciliationRepository.Finding;

/**
 * Checks that money never drifted: every balance equals the sum of its ledger; all balances
 * together equal the whole ledger; every task has exactly one charge equal to its price; every
 * failed task exactly one refund equal to its charge, and no other task any refund. Runs at
 * start-up and hourly; a breach is logged as an error naming what broke, and the accounts it
 * concerns may not submit until a later run finds them clean (R-LED-7: better stop than go on
 * wrong).
 */
@Service
public class Reconciliation {

  private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

  private final ReconciliationRepository repository;
  private volatile Set<String> frozen = Set.of();

  Reconciliation(ReconciliationRepository repository) {
    this.repository = repository;
  }

  /** The breaches found now; empty when the books balance. Changes nothing. */
  public List<String> check() {
    return audit().breaches();
  }

  /** Whether the last scheduled run found this account's money wrong. */
  public boolean isFrozen(String accountId) {
    return frozen.contains(accountId);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Scheduled(cron = "0 17 * * * *")
  public void report() {
    var audit = audit();
    frozen = Set.copyOf(audit.holders());
    if (audit.breaches().isEmpty()) {
      log.info("reconciliation: ledger and balances agree");
    } else {
      audit.breaches().forEach(b -> log.error("reconciliation breach: {}", b));
      if (!frozen.isEmpty()) {
        log.error("reconciliation: new submits refused for {} until they reconcile", frozen);
      }
    }
  }

  private record Audit(List<String> breaches, List<String> holders) {}

  private Audit audit() {
    var breaches = new ArrayList<String>();
    var holders = new ArrayList<String>();
    for (Finding f : repository.balancesNotMatchingLedger()) {
      breaches.add("balance != ledger for " + f.subject());
      holders.add(f.holder());
    }
    for (Finding f : repository.tasksWithoutExactlyOneCharge()) {
      breaches.add("charge mismatch for task " + f.subject());
      holders.add(f.holder());
    }
    for (Finding f : repository.refundMismatches()) {
      breaches.add("refund mismatch for task " + f.subject());
      holders.add(f.holder());
    }
    long drift = repository.totalDrift();
    if (drift != 0) {
      breaches.add("all balances differ from the whole ledger by " + drift + " credits");
    }
    return new Audit(breaches, holders);
  }
}
