package org.baton.initiatives;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.baton.platform.KeyedPage;
import org.baton.platform.PageKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InitiativeRepository {

  /** Which initiatives a list shows. */
  /**
   * @param quietSince only initiatives not done or dropped with no activity since then, or null
   */
  record Filter(
      Long leaderOrSupporter, List<Long> teamIds, InitiativeStatus status, Instant quietSince) {}

  private static final String SELECT =
      """
      select i.*,
             array(select team_id from initiative_team t where t.initiative_id = i.id
                   order by team_id) as team_ids,
             array(select person_id from initiative_supporter s where s.initiative_id = i.id
                   order by joined_at) as supporter_ids
        from initiative i
      """;

  private final JdbcClient jdbc;
  private final java.time.Clock clock;

  InitiativeRepository(JdbcClient jdbc, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Now, by the clock (which the demo's history moves back), for every moment written here. */
  private java.sql.Timestamp now() {
    return java.sql.Timestamp.from(clock.instant());
  }

  long insert(
      String title,
      String description,
      String location,
      String decisionType,
      long leader,
      Long priorityId,
      Long contributionId) {
    return jdbc.sql(
            """
            insert into initiative (title, description, location, decision_type,
                                    leader_person_id, created_by_person_id, priority_id,
                                    contribution_id, created_at, last_activity_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            title,
            description,
            location,
            decisionType,
            leader,
            leader,
            priorityId,
            contributionId,
            now(),
            now())
        .query(Long.class)
        .single();
  }

  void addTeams(long id, List<Long> teamIds) {
    for (Long teamId : teamIds) {
      jdbc.sql(
              "insert into initiative_team (initiative_id, team_id) values (?, ?) on conflict do nothing")
          .params(id, teamId)
          .update();
    }
  }

  List<Initiative> startedSince(Instant since, int limit) {
    return jdbc.sql(SELECT + " where i.created_at >= ? order by i.created_at desc limit ?")
        .params(java.sql.Timestamp.from(since), limit)
        .query(this::row)
        .list();
  }

  /** The initiatives that carry out a contribution, oldest first. */
  List<Initiative> carryingOut(long contributionId) {
    return jdbc.sql(SELECT + " where i.contribution_id = ? order by i.created_at, i.id")
        .param(contributionId)
        .query(this::row)
        .list();
  }

  /** The initiatives that name a priority, newest first. */
  List<Initiative> servingPriority(long priorityId) {
    return jdbc.sql(
            SELECT + " where i.priority_id = ? order by i.created_at desc, i.id desc limit 200")
        .param(priorityId)
        .query(this::row)
        .list();
  }

  /** Locks the initiative for the rest of the transaction: two hand-overs cannot cross. */
  Optional<Initiative> findForUpdate(long id) {
    return jdbc.sql("select id from initiative where id = ? for update")
        .param(id)
        .query(Long.class)
        .optional()
        .flatMap(this::find);
  }

  Optional<Initiative> find(long id) {
    return jdbc.sql(SELECT + " where i.id = ?").param(id).query(this::row).optional();
  }

  /** A page of initiatives, the most recently active first, read by key (activity, then id). */
  KeyedPage<Initiative> list(Filter filter, PageKey after, int size) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> params = new ArrayList<>();
    if (filter.leaderOrSupporter() != null) {
      where.append(
          " and (i.leader_person_id = ? or exists (select 1 from initiative_supporter s"
              + " where s.initiative_id = i.id and s.person_id = ?))");
      params.add(filter.leaderOrSupporter());
      params.add(filter.leaderOrSupporter());
    }
    if (filter.teamIds() != null) {
      where.append(
          " and exists (select 1 from initiative_team t where t.initiative_id = i.id"
              + " and t.team_id = any (?))");
      params.add(filter.teamIds().toArray(Long[]::new));
    }
    if (filter.status() != null) {
      where.append(" and i.status = ?");
      params.add(filter.status().name());
    }
    if (filter.quietSince() != null) {
      where.append(" and i.status not in ('DONE', 'DROPPED') and i.last_activity_at < ?");
      params.add(java.sql.Timestamp.from(filter.quietSince()));
    }
    if (after != null) {
      where.append(" and (i.last_activity_at, i.id) < (?, ?)");
      params.add(java.sql.Timestamp.from(after.instant(0)));
      params.add(after.number(1));
    }
    params.add(size + 1);
    List<Initiative> rows =
        jdbc.sql(SELECT + where + " order by i.last_activity_at desc, i.id desc limit ?")
            .params(params)
            .query(this::row)
            .list();
    return KeyedPage.of(rows, size, i -> PageKey.of(i.lastActivityAt(), i.id()));
  }

  /** The initiatives this person leads that are not done or dropped. */
  List<Long> openLedBy(long personId) {
    return jdbc.sql(
            "select id from initiative where leader_person_id = ?"
                + " and status not in ('DONE', 'DROPPED') order by id")
        .param(personId)
        .query(Long.class)
        .list();
  }

  void addSupporter(long id, long person) {
    jdbc.sql(
            "insert into initiative_supporter (initiative_id, person_id) values (?, ?)"
                + " on conflict do nothing")
        .params(id, person)
        .update();
  }

  void removeSupporter(long id, long person) {
    jdbc.sql("delete from initiative_supporter where initiative_id = ? and person_id = ?")
        .params(id, person)
        .update();
  }

  void setLeader(long id, long leader) {
    jdbc.sql("update initiative set leader_person_id = ?, last_activity_at = ? where id = ?")
        .params(leader, now(), id)
        .update();
  }

  void setStatus(long id, InitiativeStatus status, String outcome) {
    jdbc.sql(
            "update initiative set status = ?, outcome = coalesce(?, outcome),"
                + " last_activity_at = ? where id = ?")
        .params(status.name(), outcome, now(), id)
        .update();
  }

  void touch(long id) {
    jdbc.sql("update initiative set last_activity_at = ? where id = ?").params(now(), id).update();
  }

  void addUpdate(long id, long author, String kind, String body, Long newLeader) {
    addUpdate(id, author, kind, body, newLeader, null);
  }

  /** A line of the timeline; {@code link} is the page of the advice or decision it names. */
  void addUpdate(long id, long author, String kind, String body, Long newLeader, String link) {
    jdbc.sql(
            "insert into initiative_update"
                + " (initiative_id, author_person_id, kind, body, new_leader_id, link, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(id, author, kind, body == null ? "" : body, newLeader, link, now())
        .update();
  }

  record RawUpdate(
      long id,
      long authorId,
      String kind,
      String body,
      Long newLeaderId,
      String link,
      Instant at) {}

  List<RawUpdate> updates(long id) {
    return jdbc.sql(
            "select id, author_person_id, kind, body, new_leader_id, link, created_at"
                + " from initiative_update where initiative_id = ? order by id")
        .param(id)
        .query(
            (rs, n) ->
                new RawUpdate(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, Long.class),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }

  private Initiative row(ResultSet rs, int n) throws SQLException {
    return new Initiative(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("location"),
        rs.getString("decision_type"),
        InitiativeStatus.valueOf(rs.getString("status")),
        rs.getString("outcome"),
        rs.getLong("leader_person_id"),
        rs.getLong("created_by_person_id"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("last_activity_at")),
        Arrays.asList((Long[]) rs.getArray("team_ids").getArray()),
        Arrays.asList((Long[]) rs.getArray("supporter_ids").getArray()),
        rs.getObject("priority_id", Long.class),
        rs.getObject("contribution_id", Long.class));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp.toInstant();
  }
}
