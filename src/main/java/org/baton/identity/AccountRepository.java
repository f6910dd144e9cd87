package org.baton.identity;

import java.util.Collection;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

  record Account(long id, Long personId, String username, String passwordHash, String role) {
    boolean admin() {
      return "ADMIN".equals(role);
    }
  }

  private static final String SELECT =
      "select id, person_id, username, password_hash, role from account";

  private final JdbcClient jdbc;

  AccountRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Account> findByUsername(String username) {
    return jdbc.sql(SELECT + " where username = lower(?)")
        .param(username)
        .query(Account.class)
        .optional();
  }

  Optional<Account> findByPerson(long personId) {
    return jdbc.sql(SELECT + " where person_id = ?")
        .param(personId)
        .query(Account.class)
        .optional();
  }

  Optional<Account> findById(long id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(Account.class).optional();
  }

  /** Whether the account exists and, if it is a person's, that person is active. */
  boolean maySignIn(long accountId) {
    return jdbc.sql(
            "select coalesce(p.active, true) from account a"
                + " left join person p on p.id = a.person_id where a.id = ?")
        .param(accountId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  long createOperator(String username, String passwordHash, String role) {
    return jdbc.sql(
            "insert into account (username, password_hash, role) values (lower(?), ?, ?)"
                + " returning id")
        .params(username, passwordHash, role)
        .query(Long.class)
        .single();
  }

  void recordSignIn(long id, java.time.Instant at) {
    jdbc.sql("update account set last_signed_in_at = ? where id = ?")
        .params(java.sql.Timestamp.from(at), id)
        .update();
  }

  void setPassword(long id, String passwordHash) {
    jdbc.sql("update account set password_hash = ? where id = ?").params(passwordHash, id).update();
  }

  /**
   * The person's account, made a member account without a password if they have none (single
   * sign-on: never an admin).
   */
  Account findOrCreateMember(long personId) {
    jdbc.sql(
            "insert into account (person_id, role) values (?, 'MEMBER')"
                + " on conflict (person_id) do nothing")
        .param(personId)
        .update();
    return findByPerson(personId).orElseThrow();
  }

  /** Gives these people a member account with this password hash, keeping existing accounts. */
  void grantMembers(Collection<Long> personIds, String passwordHash) {
    jdbc.sql(
            """
            insert into account (person_id, password_hash, role)
            select unnest(?::bigint[]), ?, 'MEMBER'
            on conflict (person_id) do nothing
            """)
        .params(personIds.toArray(Long[]::new), passwordHash)
        .update();
  }
}
