package seedance.team;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import seedance.account.Accounts;
import seedance.credit.CreditLedger;
import seedance.credit.Wallet;
import seedance.team.internal.TeamStore;
import seedance.web.ApiException;
import seedance.web.ErrorCode;
import seedance.web.RandomIds;

/**
 * Teams: an owner, members invited by email, and a pool of credits (the live wallet held by the
 * team id). The pool is only a store the owner fills from their own balance and hands out to
 * members; nothing is ever charged to it, so API calls always spend the caller's own balance.
 */
@Service
public class Teams {

  /** How long an invitation link works. */
  public static final Duration INVITE_TTL = Duration.ofDays(7);

  /** A member as the team page lists it. */
  public record MemberView(String accountId, String email, String role, long joinedAt) {}

  /** A pending invitation. */
  public record InviteView(String id, String email, long createdAt, long expiresAt) {}

  /** An account's team as its page shows it; {@code invites} only for the owner. */
  public record TeamView(
      Team team, boolean owner, long pool, List<MemberView> members, List<InviteView> invites) {}

  /** A just-made invitation: the token goes into the link and is never shown again. */
  public record NewInvite(String id, String email, String token) {}

  /** What an invitation link leads to, for the accept page. */
  public record Invitation(
      String teamName, String ownerEmail, String email, boolean pending, String teamId) {}

  private final TeamStore store;
  private final Accounts accounts;
  private final CreditLedger ledger;
  private final TransactionTemplate transactions;
  private final InstantSource clock;

  Teams(
      TeamStore store,
      Accounts accounts,
      CreditLedger ledger,
      TransactionTemplate transactions,
      InstantSource clock) {
    this.store = store;
    this.accounts = accounts;
    this.ledger = ledger;
    this.transactions = transactions;
    this.clock = clock;
  }

  public Team create(String ownerId, String name) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 80) {
      throw ApiException.invalidField("name", "a team name is 1 to 80 characters");
    }
    if (store.membership(ownerId).isPresent()) {
      throw new ApiException(ErrorCode.ALREADY_EXISTS, "you are already in a team");
    }
    var team = new Team(RandomIds.next("team_", 20), trimmed, ownerId, clock.millis());
    return transactions.execute(
        tx -> {
          store.insertTeam(team);
          if (!store.addMember(team.id(), ownerId, "owner", team.createdAt())) {
            throw new ApiException(ErrorCode.ALREADY_EXISTS, "you are already in a team");
          }
          ledger.open(Wallet.live(team.id()));
          return team;
        });
  }

  /** The account's team, or empty when it is in none. */
  public Optional<TeamView> view(String accountId) {
    var membership = store.membership(accountId);
    if (membership.isEmpty()) {
      return Optional.empty();
    }
    var team = store.team(membership.get().teamId()).orElseThrow();
    boolean owner = team.ownerId().equals(accountId);
    var members =
        store.members(team.id()).stream()
            .map(
                m ->
                    new MemberView(
                        m.accountId(),
                        accounts.require(m.accountId()).email(),
                        m.role(),
                        m.joinedAt()))
            .toList();
    var invites =
        owner
            ? store.pendingInvites(team.id(), clock.millis()).stream()
                .map(i -> new InviteView(i.id(), i.email(), i.createdAt(), i.expiresAt()))
                .toList()
            : List.<InviteView>of();
    return Optional.of(
        new TeamView(team, owner, ledger.balance(Wallet.live(team.id())), members, invites));
  }

  public NewInvite invite(String ownerId, String email) {
    var team = ownedTeam(ownerId);
    String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (normalized.length() > 254 || !normalized.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")) {
      throw ApiException.invalidField("email", "email must be a valid email address");
    }
    boolean alreadyMember =
        store.members(team.id()).stream()
            .anyMatch(m -> accounts.require(m.accountId()).email().equals(normalized));
    if (alreadyMember) {
      throw new ApiException(ErrorCode.ALREADY_EXISTS, "this person is already in the team");
    }
    String token = RandomIds.next("", 32);
    long now = clock.millis();
    String id = RandomIds.next("inv_", 20);
    store.insertInvite(id, team.id(), normalized, hash(token), now, now + INVITE_TTL.toMillis());
    return new NewInvite(id, normalized, token);
  }

  public void revokeInvite(String ownerId, String inviteId) {
    var team = ownedTeam(ownerId);
    if (!store.revokeInvite(team.id(), inviteId, clock.millis())) {
      throw ApiException.notFound("no such pending invitation");
    }
  }

  /** What the link {@code token} invites to; not found for an unknown token. */
  public Invitation invitation(String token) {
    var invite =
        store
            .invite(hash(token))
            .orElseThrow(() -> ApiException.notFound("this invitation link is not valid"));
    var team = store.team(invite.teamId()).orElseThrow();
    return new Invitation(
        team.name(),
        accounts.require(team.ownerId()).email(),
        invite.email(),
        invite.pending(clock.millis()),
        team.id());
  }

  /**
   * Joins the team of the invitation. The signed-in account's email must be the invited one, so a
   * forwarded link is useless to anyone else.
   */
  public Team accept(String token, String accountId) {
    var invite =
        store
            .invite(hash(token))
            .orElseThrow(() -> ApiException.notFound("this invitation link is not valid"));
    var account = accounts.require(accountId);
    if (!account.email().equals(invite.email())) {
      throw ApiException.invalidField(
          "email", "this invitation is for " + invite.email() + "; sign in with that address");
    }
    return transactions.execute(
        tx -> {
          long now = clock.millis();
          if (!store.accept(invite.id(), accountId, now)) {
            throw ApiException.invalid("this invitation was already used, revoked or has expired");
          }
          if (!store.addMember(invite.teamId(), accountId, "member", now)) {
            throw new ApiException(ErrorCode.ALREADY_EXISTS, "you are already in a team");
          }
          return store.team(invite.teamId()).orElseThrow();
        });
  }

  /** Moves credits from the owner's own balance into the pool. */
  public void fund(String ownerId, long amount) {
    var team = ownedTeam(ownerId);
    transactions.executeWithoutResult(
        tx ->
            ledger.transfer(
                Wallet.live(ownerId), Wallet.live(team.id()), amount, RandomIds.next("tf_", 20)));
  }

  /** Moves credits from the pool to a member's own balance, where their API calls spend them. */
  public void give(String ownerId, String memberId, long amount) {
    var team = ownedTeam(ownerId);
    var membership = store.membership(memberId);
    if (membership.isEmpty() || !membership.get().teamId().equals(team.id())) {
      throw ApiException.notFound("no such member");
    }
    transactions.executeWithoutResult(
        tx ->
            ledger.transfer(
                Wallet.live(team.id()), Wallet.live(memberId), amount, RandomIds.next("tf_", 20)));
  }

  public void remove(String ownerId, String memberId) {
    var team = ownedTeam(ownerId);
    if (!store.removeMember(team.id(), memberId)) {
      throw ApiException.notFound("no such member");
    }
  }

  /** A member leaves the team; their balance stays theirs. An owner cannot leave their team. */
  public void leave(String memberId) {
    var membership =
        store
            .membership(memberId)
            .filter(m -> m.role().equals("member"))
            .orElseThrow(() -> ApiException.notFound("you are not a member of a team"));
    store.removeMember(membership.teamId(), memberId);
  }

  private Team ownedTeam(String accountId) {
    return store
        .membership(accountId)
        .flatMap(m -> store.team(m.teamId()))
        .filter(t -> t.ownerId().equals(accountId))
        .orElseThrow(() -> ApiException.notFound("only a team's owner can do this"));
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
