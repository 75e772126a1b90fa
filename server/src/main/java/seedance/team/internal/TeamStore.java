package seedance.team.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import seedance.team.Team;

@Repository
public class TeamStore {

  public record Member(String teamId, String accountId, String role, long joinedAt) {}

  public record Invite(
      String id,
      String teamId,
      String email,
      long createdAt,
      long expiresAt,
      Long acceptedAt,
      String acceptedBy,
      Long revokedAt) {

    public boolean pending(long now) {
      return acceptedAt == null && revokedAt == null && expiresAt > now;
    }
  }

  private static final String INVITE_COLUMNS =
      "id, team_id, email, created_at, expires_at, accepted_at, accepted_by, revoked_at";

  private final JdbcClient jdbc;

  TeamStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertTeam(Team team) {
    jdbc.sql(
            """
            INSERT INTO teams (id, name, owner_id, created_at)
            VALUES (:id, :name, :ownerId, :createdAt)
            """)
        .param("id", team.id())
        .param("name", team.name())
        .param("ownerId", team.ownerId())
        .param("createdAt", team.createdAt())
        .update();
  }

  public Optional<Team> team(String id) {
    return jdbc.sql("SELECT id, name, owner_id, created_at FROM teams WHERE id = :id")
        .param("id", id)
        .query(Team.class)
        .optional();
  }

  /** The membership of an account, if it is in a team. */
  public Optional<Member> membership(String accountId) {
    return jdbc.sql(
            """
            SELECT team_id, account_id, role, joined_at FROM team_members
            WHERE account_id = :accountId
            """)
        .param("accountId", accountId)
        .query(Member.class)
        .optional();
  }

  /**
   * Adds a member unless the account is already in a team; false if it is (the unique account_id
   * decides under concurrency, without an error that would abort a PostgreSQL transaction).
   */
  public boolean addMember(String teamId, String accountId, String role, long now) {
    return jdbc.sql(
                """
                INSERT INTO team_members (team_id, account_id, role, joined_at)
                VALUES (:teamId, :accountId, :role, :joinedAt)
                ON CONFLICT (account_id) DO NOTHING
                """)
            .param("teamId", teamId)
            .param("accountId", accountId)
            .param("role", role)
            .param("joinedAt", now)
            .update()
        == 1;
  }

  public List<Member> members(String teamId) {
    return jdbc.sql(
            """
            SELECT team_id, account_id, role, joined_at FROM team_members
            WHERE team_id = :teamId ORDER BY joined_at, account_id
            """)
        .param("teamId", teamId)
        .query(Member.class)
        .list();
  }

  public boolean removeMember(String teamId, String accountId) {
    return jdbc.sql(
                """
                DELETE FROM team_members
                WHERE team_id = :teamId AND account_id = :accountId AND role = 'member'
                """)
            .param("teamId", teamId)
            .param("accountId", accountId)
            .update()
        == 1;
  }

  public void insertInvite(
      String id, String teamId, String email, String tokenHash, long createdAt, long expiresAt) {
    jdbc.sql(
            """
            INSERT INTO team_invites (id, team_id, email, token_hash, created_at, expires_at)
            VALUES (:id, :teamId, :email, :tokenHash, :createdAt, :expiresAt)
            """)
        .param("id", id)
        .param("teamId", teamId)
        .param("email", email)
        .param("tokenHash", tokenHash)
        .param("createdAt", createdAt)
        .param("expiresAt", expiresAt)
        .update();
  }

  public Optional<Invite> invite(String tokenHash) {
    return jdbc.sql("SELECT " + INVITE_COLUMNS + " FROM team_invites WHERE token_hash = :h")
        .param("h", tokenHash)
        .query(Invite.class)
        .optional();
  }

  public List<Invite> pendingInvites(String teamId, long now) {
    return jdbc.sql(
            "SELECT "
                + INVITE_COLUMNS
                + " FROM team_invites WHERE team_id = :teamId AND accepted_at IS NULL"
                + " AND revoked_at IS NULL AND expires_at > :now ORDER BY created_at DESC")
        .param("teamId", teamId)
        .param("now", now)
        .query(Invite.class)
        .list();
  }

  /** Marks an invite used; false if it was already accepted, revoked or expired. */
  public boolean accept(String inviteId, String accountId, long now) {
    return jdbc.sql(
                """
                UPDATE team_invites SET accepted_at = :now, accepted_by = :accountId
                WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                """)
            .param("id", inviteId)
            .param("accountId", accountId)
            .param("now", now)
            .update()
        == 1;
  }

  public boolean revokeInvite(String teamId, String inviteId, long now) {
    return jdbc.sql(
                """
                UPDATE team_invites SET revoked_at = :now
                WHERE id = :id AND team_id = :teamId AND accepted_at IS NULL AND revoked_at IS NULL
                """)
            .param("id", inviteId)
            .param("teamId", teamId)
            .param("now", now)
            .update()
        == 1;
  }
}
