package org.baton.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.baton.identity.SignInLinks.Invitee;
import org.baton.identity.SignInLinks.Link;
import org.baton.identity.SignInLinks.Purpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of invitations and password resets ({@link SignInLinks}): only a link's hash is kept. */
@Repository
class SignInLinkStore {

  private static final String SELECT =
      "select id, person_id, purpose, created_at, created_by, expires_at, used_at, revoked_at"
          + " from sign_in_link";

  private final JdbcClient jdbc;

  SignInLinkStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(long personId, Purpose purpose, String hash, Instant at, String by, Instant expires) {
    jdbc.sql(
            "insert into sign_in_link (person_id, purpose, token_hash, created_at, created_by,"
                + " expires_at) values (?, ?, ?, ?, ?, ?)")
        .params(personId, purpose.name(), hash, Timestamp.from(at), by, Timestamp.from(expires))
        .update();
  }

  Optional<Link> withHash(String hash) {
    return jdbc.sql(SELECT + " where token_hash = ?")
        .param(hash)
        .query(SignInLinkStore::link)
        .optional();
  }

  /** Who has ever signed in: one query rather than one per person. */
  Set<Long> peopleWhoSignedIn() {
    return Set.copyOf(
        jdbc.sql(
                "select person_id from account where person_id is not null"
                    + " and last_signed_in_at is not null")
            .query(Long.class)
            .list());
  }

  long madeSince(long personId, Purpose purpose, Instant since) {
    return jdbc.sql(
            "select count(*) from sign_in_link where person_id = ? and purpose = ?"
                + " and created_at > ?")
        .params(personId, purpose.name(), Timestamp.from(since))
        .query(Long.class)
        .single();
  }

  /**
   * Uses the link up; false when it was used already. Of two uses at once, the second waits on this
   * row and then finds it used.
   */
  boolean use(long id, Instant at) {
    return jdbc.sql("update sign_in_link set used_at = ? where id = ? and used_at is null")
            .params(Timestamp.from(at), id)
            .update()
        == 1;
  }

  /** Revokes one open link; false when there was none. */
  boolean revoke(long id, Instant at) {
    return jdbc.sql(
                "update sign_in_link set revoked_at = ? where id = ? and used_at is null"
                    + " and revoked_at is null")
            .params(Timestamp.from(at), id)
            .update()
        > 0;
  }

  void revokeOpenOf(long personId, Instant at) {
    jdbc.sql(
            "update sign_in_link set revoked_at = ? where person_id = ? and used_at is null"
                + " and revoked_at is null")
        .params(Timestamp.from(at), personId)
        .update();
  }

  /** A page of active people by name, each with their last sign-in and their latest link. */
  List<Invitee> invitees(int size, long offset) {
    return jdbc.sql(
            """
            select p.id as person_id, p.name, p.email, a.last_signed_in_at,
                   l.id, l.person_id as link_person_id, l.purpose, l.created_at, l.created_by,
                   l.expires_at, l.used_at, l.revoked_at
            from person p
            left join account a on a.person_id = p.id
            left join lateral (
                select * from sign_in_link s where s.person_id = p.id
                order by s.created_at desc, s.id desc limit 1) l on true
            where p.active
            order by lower(p.name), p.id
            limit ? offset ?
            """)
        .params(size, offset)
        .query(
            (rs, n) ->
                new Invitee(
                    rs.getLong("person_id"),
                    rs.getString("name"),
                    rs.getString("email"),
                    instant(rs.getTimestamp("last_signed_in_at")),
                    rs.getObject("id") == null
                        ? null
                        : new Link(
                            rs.getLong("id"),
                            rs.getLong("link_person_id"),
                            Purpose.valueOf(rs.getString("purpose")),
                            instant(rs.getTimestamp("created_at")),
                            rs.getString("created_by"),
                            instant(rs.getTimestamp("expires_at")),
                            instant(rs.getTimestamp("used_at")),
                            instant(rs.getTimestamp("revoked_at")))))
        .list();
  }

  long activePeople() {
    return jdbc.sql("select count(*) from person where active").query(Long.class).single();
  }

  private static Link link(ResultSet rs, int n) throws SQLException {
    return new Link(
        rs.getLong("id"),
        rs.getLong("person_id"),
        Purpose.valueOf(rs.getString("purpose")),
        instant(rs.getTimestamp("created_at")),
        rs.getString("created_by"),
        instant(rs.getTimestamp("expires_at")),
        instant(rs.getTimestamp("used_at")),
        instant(rs.getTimestamp("revoked_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
