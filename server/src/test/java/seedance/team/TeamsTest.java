package seedance.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import seedance.testing.ApiTest;
import seedance.web.ApiException;

/**
 * Teams on a real database: invitations bound to an email, a pool filled from the owner's balance
 * and handed to members, and a member's API calls paid from the member's own balance only.
 */
class TeamsTest extends ApiTest {

  @Autowired Teams teams;

  String email() {
    return "t-" + UUID.randomUUID() + "@example.com";
  }

  @Test
  void ownerInvitesFundsThePoolAndGivesCreditsToAMember() {
    String ownerEmail = email();
    String owner = api().createAccount(ownerEmail, 100);
    var team = teams.create(owner, "Studio Kedi");
    String memberEmail = email();
    var invite = teams.invite(owner, memberEmail.toUpperCase());
    assertThat(invite.email()).isEqualTo(memberEmail);

    var invitation = teams.invitation(invite.token());
    assertThat(invitation.teamName()).isEqualTo("Studio Kedi");
    assertThat(invitation.ownerEmail()).isEqualTo(ownerEmail);
    assertThat(invitation.pending()).isTrue();

    // Someone else signed in cannot use the link.
    String stranger = api().createAccount(email(), 0);
    assertThatThrownBy(() -> teams.accept(invite.token(), stranger))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining(memberEmail);

    String member = api().createAccount(memberEmail, 0);
    assertThat(teams.accept(invite.token(), member).id()).isEqualTo(team.id());
    assertThat(teams.invitation(invite.token()).pending()).isFalse();
    assertThatThrownBy(() -> teams.accept(invite.token(), member)).isInstanceOf(ApiException.class);

    teams.fund(owner, 70);
    assertThat(balance(owner)).isEqualTo(30);
    assertThatThrownBy(() -> teams.fund(owner, 31)).isInstanceOf(ApiException.class);
    teams.give(owner, member, 60);
    assertThatThrownBy(() -> teams.give(owner, member, 11)).isInstanceOf(ApiException.class);

    var view = teams.view(owner).orElseThrow();
    assertThat(view.owner()).isTrue();
    assertThat(view.pool()).isEqualTo(10);
    assertThat(view.members())
        .extracting(Teams.MemberView::email)
        .containsExactly(ownerEmail, memberEmail);
    assertThat(balance(member)).isEqualTo(60);

    // The member cannot move the pool, nor can the owner give to a stranger.
    assertThatThrownBy(() -> teams.give(member, member, 1)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> teams.give(owner, stranger, 1)).isInstanceOf(ApiException.class);
    assertThat(teams.view(member).orElseThrow().owner()).isFalse();
    assertThat(teams.view(member).orElseThrow().invites()).isEmpty();

    // Leaving keeps the member's own credits; an owner cannot leave their own team.
    assertThatThrownBy(() -> teams.leave(owner)).isInstanceOf(ApiException.class);
    teams.leave(member);
    assertThat(teams.view(member)).isEmpty();
    assertThat(balance(member)).isEqualTo(60);
    assertThat(teams.view(owner).orElseThrow().members()).hasSize(1);
  }

  @Test
  void aMembersApiCallsSpendTheirOwnBalanceNeverThePool() {
    String owner = api().createAccount(email(), 200);
    teams.create(owner, "Pool");
    String memberEmail = email();
    var invite = teams.invite(owner, memberEmail);
    String member = api().createAccount(memberEmail, 0);
    teams.accept(invite.token(), member);
    teams.fund(owner, 200);
    String key = api().createKey(member, "member key");

    var refused = api().submit(key, "k-" + UUID.randomUUID(), "{\"prompt\":\"a fox in the snow\"}");
    assertThat(refused.status()).isEqualTo(402);
    assertThat(teams.view(owner).orElseThrow().pool()).isEqualTo(200);

    teams.give(owner, member, 30);
    var accepted =
        api().submit(key, "k-" + UUID.randomUUID(), "{\"prompt\":\"a fox in the snow\"}");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(api().balance(key)).isZero();
    assertThat(teams.view(owner).orElseThrow().pool()).isEqualTo(170);
  }

  @Test
  void anAccountIsInOneTeamAndRevokedInvitesDoNotWork() {
    String owner = api().createAccount(email(), 0);
    teams.create(owner, "First");
    assertThatThrownBy(() -> teams.create(owner, "Second")).isInstanceOf(ApiException.class);

    String other = api().createAccount(email(), 0);
    teams.create(other, "Other");
    var otherAccountEmail = teams.view(other).orElseThrow().members().getFirst().email();
    var invite = teams.invite(owner, otherAccountEmail);
    assertThatThrownBy(() -> teams.accept(invite.token(), other))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("already in a team");

    String late = email();
    var revoked = teams.invite(owner, late);
    teams.revokeInvite(owner, revoked.id());
    String lateAccount = api().createAccount(late, 0);
    assertThatThrownBy(() -> teams.accept(revoked.token(), lateAccount))
        .isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> teams.invitation("nonsense")).isInstanceOf(ApiException.class);
  }

  long balance(String accountId) {
    return api()
        .admin("GET", "/admin/v1/accounts/" + accountId, null)
        .json()
        .path("balance")
        .asLong();
  }

  @Test
  void concurrentAcceptsAndGiftsNeverOverspend() throws Exception {
    String owner = api().createAccount(email(), 100);
    teams.create(owner, "Race");
    String memberEmail = email();
    var invite = teams.invite(owner, memberEmail);
    String member = api().createAccount(memberEmail, 0);
    teams.fund(owner, 100);

    int threads = 6;
    var barrier = new java.util.concurrent.CyclicBarrier(threads);
    var accepted = new java.util.concurrent.atomic.AtomicInteger();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  barrier.await();
                  try {
                    teams.accept(invite.token(), member);
                    accepted.incrementAndGet();
                  } catch (ApiException e) {
                    // the losers are refused, never half-applied
                  }
                  return null;
                }));
      }
      for (var f : futures) {
        f.get();
      }
    }
    assertThat(accepted.get()).isEqualTo(1);
    assertThat(teams.view(owner).orElseThrow().members()).hasSize(2);

    // Six gifts of 30 from a pool of 100: at most three can succeed, and the pool never goes below
    // 0.
    var barrier2 = new java.util.concurrent.CyclicBarrier(threads);
    var given = new java.util.concurrent.atomic.AtomicInteger();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  barrier2.await();
                  try {
                    teams.give(owner, member, 30);
                    given.incrementAndGet();
                  } catch (ApiException e) {
                    // refused: not enough in the pool, or the lock wait ran out (busy)
                  }
                  return null;
                }));
      }
      for (var f : futures) {
        f.get();
      }
    }
    long pool = teams.view(owner).orElseThrow().pool();
    assertThat(given.get()).isBetween(1, 3);
    assertThat(pool).isEqualTo(100 - 30L * given.get());
    assertThat(balance(member)).isEqualTo(30L * given.get());
  }
}
