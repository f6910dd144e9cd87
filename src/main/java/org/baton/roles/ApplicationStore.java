package org.baton.roles;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.baton.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applications to roles and their threads, in SQL; names are joined in by {@link Applications}. */
@Repository
class ApplicationStore {

  /** An application row as stored: people and teams by id. */
  record Row(
      long id,
      long roleId,
      long personId,
      String passion,
      List<String> perspectives,
      String knowledge,
      List<Long> networkPeople,
      List<Long> networkTeams,
      BigDecimal hoursPerWeek,
      LocalDate until,
      RoleApplication.State state,
      Long teamLeaderId,
      RoleApplication.TimeAnswerKind timeAnswer,
      BigDecimal timeHours,
      String timeNote,
      Instant timeAnsweredAt,
      BigDecimal matchHours,
      LocalDate matchUntil,
      String matchCommitment,
      Long matchProposedBy,
      String declineReason,
      Instant appliedAt,
      Instant closedAt) {}

  private static final String COLUMNS =
      """
      id, role_id, person_id, passion, perspectives, knowledge, network_people, network_teams,
      hours_per_week, until, state, team_leader_id, time_answer, time_hours, time_note,
      time_answered_at, match_hours, match_until, match_commitment, match_proposed_by,
      decline_reason, applied_at, closed_at
      """;

  private final JdbcClient jdbc;

  ApplicationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long roleId, long personId, RoleDrafts.ApplicationDraft d, Long teamLeaderId, Instant at) {
    return jdbc.sql(
            """
            insert into role_application (role_id, person_id, passion, perspectives, knowledge,
                network_people, network_teams, hours_per_week, until, team_leader_id, applied_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            roleId,
            personId,
            d.passion().strip(),
            d.perspectives().toArray(String[]::new),
            d.knowledge() == null ? "" : d.knowledge().strip(),
            d.networkPeople().toArray(Long[]::new),
            d.networkTeams().toArray(Long[]::new),
            d.hoursPerWeek(),
            d.until(),
            teamLeaderId,
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  boolean hasLive(long roleId, long personId) {
    return jdbc.sql(
            "select exists (select 1 from role_application where role_id = ? and person_id = ?"
                + " and state in ('APPLIED', 'MATCHED'))")
        .params(roleId, personId)
        .query(Boolean.class)
        .single();
  }

  Optional<Row> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from role_application where id = ?")
        .param(id)
        .query(ApplicationStore::row)
        .optional();
  }

  /** Locks the application: two answers at once take their turn. */
  Optional<Row> lock(long id) {
    return jdbc.sql("select " + COLUMNS + " from role_application where id = ? for update")
        .param(id)
        .query(ApplicationStore::row)
        .optional();
  }

  List<Row> ofRole(long roleId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from role_application where role_id = ? order by applied_at, id"
                + " limit 500")
        .param(roleId)
        .query(ApplicationStore::row)
        .list();
  }

  /** Live applications for roles in the circles a person leads: theirs to answer. */
  List<Row> waitingForLead(long personId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from role_application where state = 'APPLIED' and role_id in (select r.id"
                + " from circle_role r join circle c on c.id = r.circle_id"
                + " where c.lead_person_id = ?) order by applied_at, id limit 200")
        .param(personId)
        .query(ApplicationStore::row)
        .list();
  }

  /** A person's own applications, and those they are asked about as team leader. */
  List<Row> involving(long personId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from role_application where person_id = ? or (team_leader_id = ? and state"
                + " = 'APPLIED') order by applied_at desc, id desc limit 200")
        .params(personId, personId)
        .query(ApplicationStore::row)
        .list();
  }

  long countLive(long roleId) {
    return jdbc.sql("select count(*) from role_application where role_id = ? and state = 'APPLIED'")
        .param(roleId)
        .query(Long.class)
        .single();
  }

  void answerTime(
      long id, RoleApplication.TimeAnswerKind answer, BigDecimal hours, String note, Instant at) {
    jdbc.sql(
            "update role_application set time_answer = ?, time_hours = ?, time_note = ?,"
                + " time_answered_at = ? where id = ?")
        .params(answer.name(), hours, note, Timestamp.from(at), id)
        .update();
  }

  void propose(long id, RoleDrafts.MatchDraft match, long by) {
    jdbc.sql(
            "update role_application set match_hours = ?, match_until = ?, match_commitment = ?,"
                + " match_proposed_by = ? where id = ?")
        .params(
            match.hoursPerWeek(),
            match.until(),
            match.commitment() == null ? "" : match.commitment().strip(),
            by,
            id)
        .update();
  }

  void close(long id, RoleApplication.State state, String reason, Instant at) {
    jdbc.sql(
            "update role_application set state = ?, decline_reason = ?, closed_at = ? where id = ?")
        .params(state.name(), reason, Timestamp.from(at), id)
        .update();
  }

  long insertMessage(long applicationId, long author, String body, Instant at) {
    return jdbc.sql(
            "insert into role_application_message (application_id, author_person_id, body, at)"
                + " values (?, ?, ?, ?) returning id")
        .params(applicationId, author, body, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  List<ApplicationMessage> messages(long applicationId) {
    return jdbc.sql(
            """
            select m.id, m.application_id, m.author_person_id, p.name, m.body, m.at
            from role_application_message m join person p on p.id = m.author_person_id
            where m.application_id = ? order by m.at, m.id limit 500
            """)
        .param(applicationId)
        .query(
            (rs, n) ->
                new ApplicationMessage(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }

  private static Row row(ResultSet rs, int n) throws SQLException {
    String timeAnswer = rs.getString("time_answer");
    BigDecimal timeHours = rs.getBigDecimal("time_hours");
    BigDecimal matchHours = rs.getBigDecimal("match_hours");
    return new Row(
        rs.getLong("id"),
        rs.getLong("role_id"),
        rs.getLong("person_id"),
        rs.getString("passion"),
        RolesStore.strings(rs.getArray("perspectives")),
        rs.getString("knowledge"),
        SqlArrays.longs(rs.getArray("network_people")),
        SqlArrays.longs(rs.getArray("network_teams")),
        RoleRules.plain(rs.getBigDecimal("hours_per_week")),
        rs.getObject("until", LocalDate.class),
        RoleApplication.State.valueOf(rs.getString("state")),
        rs.getObject("team_leader_id", Long.class),
        timeAnswer == null ? null : RoleApplication.TimeAnswerKind.valueOf(timeAnswer),
        timeHours == null ? null : RoleRules.plain(timeHours),
        rs.getString("time_note"),
        instant(rs.getTimestamp("time_answered_at")),
        matchHours == null ? null : RoleRules.plain(matchHours),
        rs.getObject("match_until", LocalDate.class),
        rs.getString("match_commitment"),
        rs.getObject("match_proposed_by", Long.class),
        rs.getString("decline_reason"),
        rs.getTimestamp("applied_at").toInstant(),
        instant(rs.getTimestamp("closed_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
