package org.baton.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The API tokens' SQL: only a token's hash is kept, never its secret. */
@Repository
class TokenStore {

  /** A token found by its hash: whose it is and what it may do beyond its owner's rights. */
  record Match(long id, long accountId, Set<String> permissions) {}

  private static final String INFO =
      "select id, name, prefix, created_at, last_used_at, revoked_at from api_token";

  private final JdbcClient jdbc;

  TokenStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long accountId, String name, String hash, String prefix, Set<String> permissions) {
    return jdbc.sql(
            "insert into api_token (account_id, name, token_hash, prefix, permissions)"
                + " values (?, ?, ?, ?, ?) returning id")
        .params(accountId, name, hash, prefix, permissions.toArray(String[]::new))
        .query(Long.class)
        .single();
  }

  List<ApiTokens.TokenInfo> of(long accountId) {
    return jdbc.sql(INFO + " where account_id = ? order by revoked_at is not null, created_at desc")
        .param(accountId)
        .query(ApiTokens.TokenInfo.class)
        .list();
  }

  Optional<ApiTokens.TokenInfo> find(long accountId, long id) {
    return jdbc.sql(INFO + " where id = ? and account_id = ?")
        .params(id, accountId)
        .query(ApiTokens.TokenInfo.class)
        .optional();
  }

  /** Revokes one token of the account; one revoked already keeps its moment. */
  void revoke(long accountId, long id, Instant at) {
    jdbc.sql(
            "update api_token set revoked_at = coalesce(revoked_at, ?)"
                + " where id = ? and account_id = ?")
        .params(Timestamp.from(at), id, accountId)
        .update();
  }

  int revokeAll(long accountId, Instant at) {
    return jdbc.sql(
            "update api_token set revoked_at = ? where account_id = ? and revoked_at is null")
        .params(Timestamp.from(at), accountId)
        .update();
  }

  /** Revokes the account's tokens of this name whose hash is another: a replaced bootstrap. */
  void revokeNamedOtherThan(long accountId, String name, String hash, Instant at) {
    jdbc.sql(
            "update api_token set revoked_at = ?"
                + " where account_id = ? and name = ? and token_hash <> ? and revoked_at is null")
        .params(Timestamp.from(at), accountId, name, hash)
        .update();
  }

  boolean activeWithHash(String hash) {
    return jdbc.sql("select count(*) from api_token where token_hash = ? and revoked_at is null")
            .param(hash)
            .query(Long.class)
            .single()
        > 0;
  }

  void deleteWithHash(String hash) {
    jdbc.sql("delete from api_token where token_hash = ?").param(hash).update();
  }

  Optional<Match> activeMatch(String hash) {
    return jdbc.sql(
            "select id, account_id, permissions from api_token"
                + " where token_hash = ? and revoked_at is null")
        .param(hash)
        .query(
            (rs, n) ->
                new Match(
                    rs.getLong(1), rs.getLong(2), Set.of((String[]) rs.getArray(3).getArray())))
        .optional();
  }

  void used(long id, Instant at) {
    jdbc.sql("update api_token set last_used_at = ? where id = ?")
        .params(Timestamp.from(at), id)
        .update();
  }
}
