package org.baton.advice;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.platform.PageKey;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The advice module's SQL and row mapping: requests with their panels, the advice given, the places
 * that people who left open on a panel, and the reads other modules make of them. Every business
 * moment is bound from the caller's clock, never the database's {@code now()}.
 */
@Component
class AdviceStore {

  /** A request as it is written, its texts already checked and stripped. */
  record NewRequest(
      Long initiativeId,
      long askerId,
      String question,
      String context,
      Instant deadline,
      List<String> perspectives,
      boolean restricted,
      String decisionType,
      BigDecimal amount,
      String currency,
      Long priorityId,
      Instant at) {}

  /** A place left on a panel, and who was proposed in it. */
  record VacancyRow(long leftPersonId, String perspective, Long proposedPersonId) {}

  /** Advice as written: its id and which revision of its adviser's advice it is. */
  record Added(long id, int revision) {}

  private final JdbcClient jdbc;

  AdviceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(NewRequest r) {
    return jdbc.sql(
            """
            insert into advice_request (initiative_id, asker_person_id, question, context,
                deadline, perspectives, restricted, decision_type, amount, currency,
                priority_id, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            r.initiativeId(),
            r.askerId(),
            r.question(),
            r.context(),
            Timestamp.from(r.deadline()),
            r.perspectives().toArray(String[]::new),
            r.restricted(),
            r.decisionType(),
            r.amount(),
            r.currency(),
            r.priorityId(),
            Timestamp.from(r.at()))
        .query(Long.class)
        .single();
  }

  /**
   * Gives someone a place on the request's panel (once: a second time changes nothing); whether
   * they got it.
   */
  boolean place(long requestId, AdviceRequest.PanelMember member) {
    return jdbc.sql(
                "insert into advice_panel_member"
                    + " (request_id, person_id, perspective, reason, request_open, asked_at)"
                    + " select id, ?, ?, ?, status = 'OPEN', created_at from advice_request"
                    + " where id = ? on conflict do nothing")
            .params(member.personId(), member.perspective(), member.reason(), requestId)
            .update()
        == 1;
  }

  /** Holds the request's row until the transaction ends, so that advice is numbered in turn. */
  void lock(long requestId) {
    jdbc.sql("select id from advice_request where id = ? for update")
        .param(requestId)
        .query(Long.class)
        .optional();
  }

  /** Writes a piece of advice as its adviser's next revision, and the request's first advice. */
  Added addAdvice(
      long requestId,
      long adviserId,
      Stance stance,
      String reasons,
      String conditions,
      boolean volunteered,
      Instant at) {
    int revision =
        jdbc.sql(
                "select coalesce(max(revision), 0) + 1 from advice"
                    + " where request_id = ? and adviser_person_id = ?")
            .params(requestId, adviserId)
            .query(Integer.class)
            .single();
    long id =
        jdbc.sql(
                """
                insert into advice (request_id, adviser_person_id, stance, reasons, conditions,
                                    volunteered, revision, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(
                requestId,
                adviserId,
                stance.name(),
                reasons,
                conditions,
                volunteered,
                revision,
                Timestamp.from(at))
            .query(Long.class)
            .single();
    jdbc.sql(
            "update advice_request set first_advice_at = coalesce(first_advice_at, ?) where id = ?")
        .params(Timestamp.from(at), requestId)
        .update();
    return new Added(id, revision);
  }

  /** Closes the request if it is still open; whether it was. */
  boolean close(long requestId, String note, Long decisionId, Instant at) {
    int closed =
        jdbc.sql(
                "update advice_request set status = 'CLOSED', closing_note = ?, decision_id = ?,"
                    + " closed_at = ? where id = ? and status = 'OPEN'")
            .params(note, decisionId, Timestamp.from(at), requestId)
            .update();
    if (closed == 1) {
      jdbc.sql("update advice_panel_member set request_open = false where request_id = ?")
          .param(requestId)
          .update();
    }
    return closed == 1;
  }

  /**
   * The open requests on whose panel someone who left had a place, had not advised, and left no
   * vacancy yet.
   */
  List<Long> openPlacesLeftBy(long personId) {
    return jdbc.sql(
            """
            select m.request_id from advice_panel_member m
            join advice_request r on r.id = m.request_id
            where m.person_id = ? and r.status = 'OPEN'
              and not exists (select 1 from advice a
                              where a.request_id = m.request_id and a.adviser_person_id = ?)
              and not exists (select 1 from advice_panel_vacancy v
                              where v.request_id = m.request_id and v.left_person_id = ?)
            order by m.request_id
            """)
        .params(personId, personId, personId)
        .query(Long.class)
        .list();
  }

  void addVacancy(
      long requestId, long leftPersonId, String perspective, Long proposedPersonId, Instant at) {
    jdbc.sql(
            "insert into advice_panel_vacancy (request_id, left_person_id, perspective,"
                + " proposed_person_id, created_at) values (?, ?, ?, ?, ?)")
        .params(requestId, leftPersonId, perspective, proposedPersonId, Timestamp.from(at))
        .update();
  }

  void vacancyFilled(long requestId, long leftPersonId, Instant at) {
    jdbc.sql(
            "update advice_panel_vacancy set filled_at = ?"
                + " where request_id = ? and left_person_id = ?")
        .params(Timestamp.from(at), requestId, leftPersonId)
        .update();
  }

  /** The request's open vacancies, oldest first. */
  List<VacancyRow> vacancies(long requestId) {
    return jdbc.sql(
            "select left_person_id, perspective, proposed_person_id from advice_panel_vacancy"
                + " where request_id = ? and filled_at is null order by created_at")
        .param(requestId)
        .query((rs, n) -> new VacancyRow(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)))
        .list();
  }

  /**
   * The ids of a page of the requests a person asked or has a place on: open first, then newest,
   * read by key from two index-ordered reads, each at most a page long.
   */
  List<Long> involving(long personId, PageKey after, int limit) {
    String asked = "r.asker_person_id = :me";
    String placed = "m.person_id = :me";
    Map<String, Object> params = new HashMap<>();
    params.put("me", personId);
    params.put("limit", limit);
    if (after != null) {
      asked += " and (r.status = 'OPEN', r.created_at, r.id) < (:open, :at, :id)";
      placed += " and (m.request_open, m.asked_at, m.request_id) < (:open, :at, :id)";
      params.put("open", after.flag(0));
      params.put("at", Timestamp.from(after.instant(1)));
      params.put("id", after.number(2));
    }
    return jdbc.sql(
            """
            select id from (
              (select r.id, r.status = 'OPEN' as open, r.created_at as at from advice_request r
                where %s order by r.status = 'OPEN' desc, r.created_at desc, r.id desc
                limit :limit)
              union
              (select m.request_id, m.request_open, m.asked_at from advice_panel_member m
                where %s order by m.request_open desc, m.asked_at desc, m.request_id desc
                limit :limit)
            ) mine order by open desc, at desc, id desc limit :limit
            """
                .formatted(asked, placed))
        .params(params)
        .query(Long.class)
        .list();
  }

  /** Everyone who has advised on the request, each once. */
  List<Long> advisers(long requestId) {
    return jdbc.sql("select distinct adviser_person_id from advice where request_id = ?")
        .param(requestId)
        .query(Long.class)
        .list();
  }

  /** Each adviser's latest stance on the request. */
  List<Stance> latestStances(long requestId) {
    return jdbc.sql(
            "select distinct on (adviser_person_id) stance from advice where request_id = ?"
                + " order by adviser_person_id, revision desc")
        .param(requestId)
        .query((rs, n) -> Stance.valueOf(rs.getString(1)))
        .list();
  }

  /** The request a decision closed, if one did. */
  Optional<Long> closedBy(long decisionId) {
    return jdbc.sql("select id from advice_request where decision_id = ?")
        .param(decisionId)
        .query(Long.class)
        .optional();
  }

  /** Who advised on an open request of this asker's. */
  List<Long> advisersOnOpen(long requestId, long askerId) {
    return jdbc.sql(
            "select distinct a.adviser_person_id from advice a"
                + " join advice_request r on r.id = a.request_id"
                + " where r.id = ? and r.asker_person_id = ? and r.status = 'OPEN' order by 1")
        .params(requestId, askerId)
        .query(Long.class)
        .list();
  }

  /** How many requests a person asked since a moment, per decision type they named. */
  Map<String, Integer> soughtBy(long personId, Instant since) {
    Map<String, Integer> counts = new HashMap<>();
    jdbc.sql(
            "select decision_type, count(*) from advice_request where asker_person_id = ?"
                + " and created_at >= ? and decision_type is not null group by decision_type")
        .params(personId, Timestamp.from(since))
        .query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getInt(2)));
    return counts;
  }

  Optional<AdviceRequest> find(long id) {
    return requests("where r.id = ?", id).stream().findFirst();
  }

  /** These requests, in no particular order; those that do not exist are left out. */
  List<AdviceRequest> findAll(Collection<Long> ids) {
    return ids.isEmpty()
        ? List.of()
        : requests("where r.id = any (?)", (Object) ids.toArray(Long[]::new));
  }

  /** The requests that name a priority, newest first, at most 200. */
  List<AdviceRequest> servingPriority(long priorityId) {
    return requests(
        "where r.priority_id = ? order by r.created_at desc, r.id desc limit 200", priorityId);
  }

  /** Every piece of advice given on the request, in the order given. */
  List<AdviceGiven> history(long requestId) {
    return jdbc.sql(
            "select id, adviser_person_id, stance, reasons, conditions, volunteered, revision,"
                + " created_at from advice where request_id = ? order by id")
        .param(requestId)
        .query(
            (rs, n) ->
                new AdviceGiven(
                    rs.getLong(1),
                    rs.getLong(2),
                    Stance.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6),
                    rs.getInt(7),
                    rs.getTimestamp(8).toInstant()))
        .list();
  }

  /** Requests with their panels: two queries however many requests, never one per request. */
  private List<AdviceRequest> requests(String where, Object... params) {
    List<AdviceRequest> found =
        jdbc.sql("select r.* from advice_request r " + where)
            .params(params)
            .query((rs, n) -> row(rs))
            .list();
    if (found.isEmpty()) {
      return found;
    }
    Map<Long, List<AdviceRequest.PanelMember>> panels = new HashMap<>();
    jdbc.sql(
            "select request_id, person_id, perspective, reason from advice_panel_member"
                + " where request_id = any (?) order by perspective nulls last, person_id")
        .param(found.stream().map(AdviceRequest::id).toArray(Long[]::new))
        .query(
            (RowCallbackHandler)
                rs ->
                    panels
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(
                            new AdviceRequest.PanelMember(
                                rs.getLong(2), rs.getString(3), rs.getString(4))));
    return found.stream().map(r -> r.withPanel(panels.getOrDefault(r.id(), List.of()))).toList();
  }

  private static AdviceRequest row(ResultSet rs) throws SQLException {
    return new AdviceRequest(
        rs.getLong("id"),
        rs.getObject("initiative_id", Long.class),
        rs.getLong("asker_person_id"),
        rs.getString("question"),
        rs.getString("context"),
        rs.getTimestamp("deadline").toInstant(),
        Arrays.asList((String[]) rs.getArray("perspectives").getArray()),
        rs.getBoolean("restricted"),
        rs.getString("decision_type"),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        rs.getString("status"),
        rs.getString("closing_note"),
        rs.getObject("decision_id", Long.class),
        rs.getTimestamp("created_at").toInstant(),
        instant(rs.getTimestamp("first_advice_at")),
        instant(rs.getTimestamp("closed_at")),
        List.of(),
        rs.getObject("priority_id", Long.class));
  }

  private static Instant instant(Timestamp at) {
    return at == null ? null : at.toInstant();
  }
}
