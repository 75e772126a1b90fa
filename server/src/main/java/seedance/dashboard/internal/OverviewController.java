package seedance.dashboard.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.InstantSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import seedance.credit.CreditLedger;
import seedance.credit.LedgerEntry;
import seedance.credit.Wallet;
import seedance.dashboard.PageController;
import seedance.dashboard.SignedIn;

/** {@code /dashboard}: the balance, usage per day and the ledger, a page at a time. */
@PageController
class OverviewController {

  static final int PAGE_SIZE = 20;

  /** A ledger row as shown: signed amount, and the task it belongs to for charges and refunds. */
  record LedgerRow(
      String kind, long amount, long balanceAfter, String taskId, String reference, String at) {

    static LedgerRow of(LedgerEntry e) {
      return new LedgerRow(
          e.kind(),
          e.amount(),
          e.balanceAfter(),
          e.taskId(),
          e.reference(),
          PageTimes.format(e.createdAt()));
    }
  }

  private final CreditLedger ledger;
  private final InstantSource clock;

  OverviewController(CreditLedger ledger, InstantSource clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  @GetMapping("/dashboard")
  String overview(
      @RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
    var me = SignedIn.of(request);
    int current = Math.max(1, Math.min(page, 100_000));
    // One row more than a page tells whether there is a next page.
    var rows = ledger.page(me.accountId(), (current - 1) * PAGE_SIZE, PAGE_SIZE + 1);
    var now = clock.instant();
    model.addAttribute("balance", ledger.balance(me.accountId()));
    model.addAttribute("sandboxBalance", ledger.balance(Wallet.sandbox(me.accountId())));
    model.addAttribute(
        "chart", UsageChart.of(ledger.since(me.accountId(), UsageChart.since(now)), now));
    model.addAttribute("ledger", rows.stream().limit(PAGE_SIZE).map(LedgerRow::of).toList());
    model.addAttribute("page", current);
    model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
    return "overview";
  }
}
