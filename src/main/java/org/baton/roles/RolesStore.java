package org.baton.roles;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Circles, roles, who holds them, their history and people's role profiles, in SQL. */
@Repository
class RolesStore {

  private static final String ROLE_COLUMNS =
      """
      id, circle_id, name, purpose, accountabilities, decision_types, perspectives,
      hours_per_week, seats, term_until, open, why_it_matters, what_you_learn
      """;

  private final JdbcClient jdbc;

  RolesStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // circles

  long insertCircle(String name, String purpose, Long teamId, long leadId, Instant at) {
    return jdbc.sql(
            """
            insert into circle (name, purpose, team_id, lead_person_id, created_at)
            values (?, ?, ?, ?, ?) returning id
            """)
        .params(name, purpose, teamId, leadId, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  boolean circleNameTaken(String name) {
    return jdbc.sql("select exists (select 1 from circle where lower(name) = lower(?))")
        .param(name)
        .query(Boolean.class)
        .single();
  }

  List<Circle> circles() {
    return jdbc.sql(
            "select id, name, purpose, team_id, lead_person_id, created_at from circle"
                + " order by lower(name) limit 500")
        .query(RolesStore::circle)
        .list();
  }

  Optional<Circle> circle(long id) {
    return jdbc.sql(
            "select id, name, purpose, team_id, lead_person_id, created_at from circle where id = ?")
        .param(id)
        .query(RolesStore::circle)
        .optional();
  }

  // roles

  long insertRole(RoleDrafts.RoleDraft d, String name, Instant at) {
    return jdbc.sql(
            """
            insert into circle_role (circle_id, name, purpose, accountabilities, decision_types,
                perspectives, hours_per_week, seats, term_until, open, why_it_matters,
                what_you_learn, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            d.circleId(),
            name,
            clean(d.purpose()),
            clean(d.accountabilities()),
            d.decisionTypes().toArray(String[]::new),
            d.perspectives().toArray(String[]::new),
            d.hoursPerWeek(),
            d.seats(),
            d.until(),
            Boolean.TRUE.equals(d.open()),
            clean(d.whyItMatters()),
            clean(d.whatYouLearn()),
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  void updateRole(long id, RoleDrafts.RoleDraft d, String name) {
    jdbc.sql(
            """
            update circle_role set name = ?, purpose = ?, accountabilities = ?,
                decision_types = ?, perspectives = ?, hours_per_week = ?, seats = ?,
                term_until = ?, why_it_matters = ?, what_you_learn = ?
            where id = ?
            """)
        .params(
            name,
            clean(d.purpose()),
            clean(d.accountabilities()),
            d.decisionTypes().toArray(String[]::new),
            d.perspectives().toArray(String[]::new),
            d.hoursPerWeek(),
            d.seats(),
            d.until(),
            clean(d.whyItMatters()),
            clean(d.whatYouLearn()),
            id)
        .update();
  }

  boolean roleNameTaken(long circleId, String name, long exceptRoleId) {
    return jdbc.sql(
            "select exists (select 1 from circle_role where circle_id = ? and lower(name) ="
                + " lower(?) and id <> ?)")
        .params(circleId, name, exceptRoleId)
        .query(Boolean.class)
        .single();
  }

  void setOpen(long id, boolean open) {
    jdbc.sql("update circle_role set open = ? where id = ?").params(open, id).update();
  }

  Optional<Role> role(long id) {
    return jdbc.sql("select " + ROLE_COLUMNS + " from circle_role where id = ?")
        .param(id)
        .query(RolesStore::role)
        .optional();
  }

  /** Locks the role's row: matches and hand-overs to one role take their turn for its seats. */
  Optional<Role> lockRole(long id) {
    return jdbc.sql("select " + ROLE_COLUMNS + " from circle_role where id = ? for update")
        .param(id)
        .query(RolesStore::role)
        .optional();
  }

  List<Role> rolesOf(long circleId) {
    return jdbc.sql(
            "select " + ROLE_COLUMNS + " from circle_role where circle_id = ? order by lower(name)")
        .param(circleId)
        .query(RolesStore::role)
        .list();
  }

  /** Roles newest first: only the open ones, or all. */
  List<Role> roles(boolean openOnly, int limit, int offset) {
    return jdbc.sql(
            "select "
                + ROLE_COLUMNS
                + " from circle_role where open or not ? order by created_at desc, id desc"
                + " limit ? offset ?")
        .params(openOnly, limit, offset)
        .query(RolesStore::role)
        .list();
  }

  long countRoles(boolean openOnly) {
    return jdbc.sql("select count(*) from circle_role where open or not ?")
        .param(openOnly)
        .query(Long.class)
        .single();
  }

  List<Role> roles(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + ROLE_COLUMNS + " from circle_role where id = any(?)")
        .param(ids.toArray(Long[]::new))
        .query(RolesStore::role)
        .list();
  }

  java.util.Map<Long, String> roleNames() {
    java.util.Map<Long, String> names = new java.util.HashMap<>();
    jdbc.sql("select id, name from circle_role")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> names.put(rs.getLong(1), rs.getString(2)));
    return names;
  }

  // holders

  List<RoleHolder> holders(long roleId) {
    return jdbc.sql(
            """
            select h.id, h.role_id, h.person_id, p.name, h.hours_per_week, h.until, h.commitment,
                   h.started_at, h.granted
            from role_holding h join person p on p.id = h.person_id
            where h.role_id = ? and h.ended_at is null order by h.started_at, h.id
            """)
        .param(roleId)
        .query(RolesStore::holder)
        .list();
  }

  List<RoleHolder> holdingsOf(long personId) {
    return jdbc.sql(
            """
            select h.id, h.role_id, h.person_id, p.name, h.hours_per_week, h.until, h.commitment,
                   h.started_at, h.granted
            from role_holding h join person p on p.id = h.person_id
            where h.person_id = ? and h.ended_at is null order by h.started_at, h.id
            """)
        .param(personId)
        .query(RolesStore::holder)
        .list();
  }

  /**
   * Every current granted holding, for the authority check (people whose role ended, or whose
   * holding still waits for approval, hold nothing).
   */
  List<RoleHolder> allHoldings() {
    return jdbc.sql(
            """
            select h.id, h.role_id, h.person_id, '' as name, h.hours_per_week, h.until,
                   '' as commitment, h.started_at, h.granted
            from role_holding h where h.ended_at is null and h.granted
            """)
        .query(RolesStore::holder)
        .list();
  }

  int countHolders(long roleId) {
    return jdbc.sql("select count(*) from role_holding where role_id = ? and ended_at is null")
        .param(roleId)
        .query(Integer.class)
        .single();
  }

  boolean holds(long roleId, long personId) {
    return jdbc.sql(
            "select exists (select 1 from role_holding where role_id = ? and person_id = ? and"
                + " ended_at is null)")
        .params(roleId, personId)
        .query(Boolean.class)
        .single();
  }

  /** A new holding, granted at once or waiting for approvals; its id. */
  long insertHolding(
      long roleId,
      long personId,
      BigDecimal hours,
      LocalDate until,
      String commitment,
      Long applicationId,
      Instant at,
      boolean granted) {
    return jdbc.sql(
            """
            insert into role_holding (role_id, person_id, hours_per_week, until, commitment,
                application_id, started_at, granted)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            roleId, personId, hours, until, commitment, applicationId, Timestamp.from(at), granted)
        .query(Long.class)
        .single();
  }

  void insertApproval(long holdingId, long ruleId, Long approverPersonId) {
    jdbc.sql(
            "insert into role_holding_approval (holding_id, rule_id, approver_person_id)"
                + " values (?, ?, ?)")
        .params(holdingId, ruleId, approverPersonId)
        .update();
  }

  /** An approval a holding still waits for: of a rule, by its owner (null: an admin). */
  record Waiting(long holdingId, long ruleId, Long approverPersonId) {}

  List<Waiting> waiting(long roleId) {
    return jdbc.sql(
            """
            select a.holding_id, a.rule_id, a.approver_person_id
            from role_holding_approval a join role_holding h on h.id = a.holding_id
            where h.role_id = ? and h.ended_at is null and a.approved_at is null
            order by a.holding_id, a.rule_id
            """)
        .param(roleId)
        .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class)))
        .list();
  }

  void approve(long holdingId, long ruleId, String by, Instant at) {
    jdbc.sql(
            "update role_holding_approval set approved_by = ?, approved_at = ?"
                + " where holding_id = ? and rule_id = ? and approved_at is null")
        .params(by, Timestamp.from(at), holdingId, ruleId)
        .update();
  }

  void lockHolding(long holdingId) {
    jdbc.sql("select id from role_holding where id = ? for update")
        .param(holdingId)
        .query(Long.class)
        .optional();
  }

  /**
   * Makes a holding's approvals those of the rules the role holds now (rule id to the person who
   * approves it, null for an admin): new rules wait for approval, rules gone are forgotten, and
   * unanswered approvals follow a change of owner.
   */
  void refreshApprovals(long holdingId, Map<Long, Long> approverByRule) {
    jdbc.sql("delete from role_holding_approval where holding_id = ? and not (rule_id = any (?))")
        .params(holdingId, approverByRule.keySet().toArray(Long[]::new))
        .update();
    approverByRule.forEach(
        (rule, approver) -> {
          jdbc.sql(
                  """
                  insert into role_holding_approval (holding_id, rule_id, approver_person_id)
                  values (?, ?, ?)
                  on conflict (holding_id, rule_id) do update
                      set approver_person_id = excluded.approver_person_id
                      where role_holding_approval.approved_at is null
                  """)
              .params(holdingId, rule, approver)
              .update();
        });
  }

  /** Grants the holding once nothing waits; whether it did. */
  boolean grantIfApproved(long holdingId) {
    return jdbc.sql(
                """
                update role_holding set granted = true
                where id = ? and not granted and not exists (
                    select 1 from role_holding_approval
                    where holding_id = ? and approved_at is null)
                """)
            .params(holdingId, holdingId)
            .update()
        == 1;
  }

  boolean endHolding(long roleId, long personId, Instant at) {
    return jdbc.sql(
                "update role_holding set ended_at = ? where role_id = ? and person_id = ? and"
                    + " ended_at is null")
            .params(Timestamp.from(at), roleId, personId)
            .update()
        > 0;
  }

  BigDecimal hoursCommitted(long personId) {
    return jdbc.sql(
            "select coalesce(sum(hours_per_week), 0) from role_holding where person_id = ? and"
                + " ended_at is null")
        .param(personId)
        .query(BigDecimal.class)
        .single();
  }

  // history

  void event(
      long roleId,
      RoleEvent.Kind kind,
      Long personId,
      Long fromPersonId,
      Long byPersonId,
      String note,
      Instant at) {
    jdbc.sql(
            """
            insert into role_event (role_id, kind, person_id, from_person_id, by_person_id, note, at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(roleId, kind.name(), personId, fromPersonId, byPersonId, note, Timestamp.from(at))
        .update();
  }

  List<RoleEvent> history(long roleId) {
    return jdbc.sql(
            """
            select e.kind, e.person_id, p.name as person_name, e.from_person_id,
                   f.name as from_name, b.name as by_name, e.note, e.at
            from role_event e
            left join person p on p.id = e.person_id
            left join person f on f.id = e.from_person_id
            left join person b on b.id = e.by_person_id
            where e.role_id = ? order by e.at desc, e.id desc limit 200
            """)
        .param(roleId)
        .query(
            (rs, n) ->
                new RoleEvent(
                    RoleEvent.Kind.valueOf(rs.getString("kind")),
                    rs.getObject("person_id", Long.class),
                    rs.getString("person_name"),
                    rs.getObject("from_person_id", Long.class),
                    rs.getString("from_name"),
                    rs.getString("by_name"),
                    rs.getString("note"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  // profiles

  private static final String PROFILE =
      """
      select r.person_id, r.open_to_roles, r.interests, r.hours_available,
             (select coalesce(sum(h.hours_per_week), 0) from role_holding h
              where h.person_id = r.person_id and h.ended_at is null) as committed
      from role_profile r
      """;

  Optional<RoleProfile> profile(long personId) {
    return jdbc.sql(PROFILE + " where r.person_id = ?")
        .param(personId)
        .query(RolesStore::profile)
        .optional();
  }

  void saveProfile(
      long personId, boolean open, List<String> interests, BigDecimal hours, Instant at) {
    jdbc.sql(
            """
            insert into role_profile (person_id, open_to_roles, interests, hours_available,
                updated_at)
            values (?, ?, ?, ?, ?)
            on conflict (person_id) do update set open_to_roles = excluded.open_to_roles,
                interests = excluded.interests, hours_available = excluded.hours_available,
                updated_at = excluded.updated_at
            """)
        .params(personId, open, interests.toArray(String[]::new), hours, Timestamp.from(at))
        .update();
  }

  /** People open to roles: whom an opening role may be suggested to. */
  List<RoleProfile> openToRoles() {
    return jdbc.sql(PROFILE + " where r.open_to_roles").query(RolesStore::profile).list();
  }

  private static RoleProfile profile(ResultSet rs, int n) throws SQLException {
    BigDecimal available = rs.getBigDecimal("hours_available");
    return new RoleProfile(
        rs.getLong("person_id"),
        rs.getBoolean("open_to_roles"),
        strings(rs.getArray("interests")),
        available == null ? null : RoleRules.plain(available),
        RoleRules.plain(rs.getBigDecimal("committed")));
  }

  private static Circle circle(ResultSet rs, int n) throws SQLException {
    return new Circle(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("purpose"),
        rs.getObject("team_id", Long.class),
        rs.getLong("lead_person_id"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static Role role(ResultSet rs, int n) throws SQLException {
    return new Role(
        rs.getLong("id"),
        rs.getLong("circle_id"),
        rs.getString("name"),
        rs.getString("purpose"),
        rs.getString("accountabilities"),
        strings(rs.getArray("decision_types")),
        strings(rs.getArray("perspectives")),
        RoleRules.plain(rs.getBigDecimal("hours_per_week")),
        rs.getInt("seats"),
        rs.getObject("term_until", LocalDate.class),
        rs.getBoolean("open"),
        rs.getString("why_it_matters"),
        rs.getString("what_you_learn"));
  }

  private static RoleHolder holder(ResultSet rs, int n) throws SQLException {
    return new RoleHolder(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        RoleRules.plain(rs.getBigDecimal(5)),
        rs.getObject(6, LocalDate.class),
        rs.getString(7),
        rs.getTimestamp(8).toInstant(),
        rs.getBoolean(9));
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static String clean(String text) {
    return text == null ? "" : text.strip();
  }
}
