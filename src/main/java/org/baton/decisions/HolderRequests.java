package org.baton.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.authority.Authority;
import org.baton.authority.CheckQuestion;
import org.baton.authority.CheckResult;
import org.baton.authority.Verdict;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.CanonicalJson;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * When a decision is outside one's authority: one tap asks someone who holds it. The holder
 * approves (the decision is recorded as theirs, naming the requester) or declines with a reason.
 */
@Service
public class HolderRequests {

  private final JdbcClient jdbc;
  private final Authority authority;
  private final DecisionRecord decisions;
  private final Directory directory;
  private final JsonMapper json;

  private final Clock clock;
  private final ApplicationEventPublisher events;

  HolderRequests(
      JdbcClient jdbc,
      Authority authority,
      DecisionRecord decisions,
      Directory directory,
      JsonMapper json,
      Clock clock,
      ApplicationEventPublisher events) {
    this.clock = clock;
    this.events = events;
    this.jdbc = jdbc;
    this.authority = authority;
    this.decisions = decisions;
    this.directory = directory;
    this.json = json;
  }

  @Transactional
  public HolderRequest ask(BatonUser actor, long holderPersonId, DecisionDraft draft) {
    if (actor.personId() == null) {
      throw new InvalidInputException("requester", "Only people ask; sign in as yourself.");
    }
    long me = actor.personId();
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.title().isEmpty() || draft.title().length() > 200) {
      problems.add(new FieldProblem("title", "Say in a few words what should be decided."));
    }
    if (draft.reason().isEmpty() || draft.reason().length() > 2000) {
      problems.add(new FieldProblem("reason", "Give a one-line reason."));
    }
    if (holderPersonId == me) {
      problems.add(new FieldProblem("holder", "Ask someone else."));
    }
    InvalidInputException.throwIfAny(problems);
    Instant now = clock.instant();
    CheckResult mine = authority.evaluate(question(me, draft), now);
    if (mine.verdict() != Verdict.OUTSIDE_AUTHORITY) {
      throw new InvalidInputException(
          "holder", "This is within your own authority: decide it yourself.");
    }
    CheckResult theirs = authority.evaluate(question(holderPersonId, draft), now);
    if (theirs.verdict() == Verdict.OUTSIDE_AUTHORITY) {
      throw new InvalidInputException(
          "holder", theirs.person().name() + " does not hold the authority for this either.");
    }
    long id =
        jdbc.sql(
                """
                insert into authority_request (requester_person_id, holder_person_id,
                    decision_type, title, reason, amount, currency, context, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(
                me,
                holderPersonId,
                mine.decisionType().code(),
                draft.title(),
                draft.reason(),
                mine.amount() == null ? null : mine.amount().value(),
                mine.amount() == null ? null : mine.amount().currency(),
                CanonicalJson.stringMap(draft.context()),
                java.sql.Timestamp.from(now))
            .query(Long.class)
            .single();
    events.publishEvent(
        new HolderRequestChanged(
            id,
            HolderRequestChanged.Kind.ASKED,
            me,
            holderPersonId,
            mine.decisionType().confidential(),
            null));
    return find(actor, id);
  }

  /**
   * The holder approves: the decision is recorded as theirs, on their own authority, and the
   * request is marked approved in the same transaction.
   */
  public HolderRequest approve(BatonUser actor, long id, String adviceConsidered) {
    return approve(actor, id, adviceConsidered, List.of());
  }

  /**
   * The holder approves, naming who gave the advice their rule requires (see {@link
   * DecisionDraft#advisers}).
   */
  public HolderRequest approve(
      BatonUser actor, long id, String adviceConsidered, List<Long> advisers) {
    HolderRequest request = openForHolder(actor, id);
    DecisionDraft draft =
        new DecisionDraft(
            request.decisionType(),
            request.title(),
            // The requester is recorded as a fact of the entry (requestedBy), not as text added
            // to the reason, which could push a reason at its limit past it.
            request.reason(),
            request.amount() == null ? null : new Money(request.amount(), request.currency()),
            request.context(),
            List.of(),
            null,
            adviceConsidered,
            null);
    draft = draft.withAdvice(advisers, null);
    decisions.recordFor(
        request.holderPersonId(),
        request.requesterPersonId(),
        draft,
        decision -> {
          answered(
              jdbc.sql(
                      "update authority_request set status = 'APPROVED', answered_at = ?,"
                          + " decision_id = ? where id = ? and status = 'OPEN'")
                  .params(java.sql.Timestamp.from(decision.decidedAt()), decision.id(), id)
                  .update());
          // published in the transaction that records the decision: durable with it
          events.publishEvent(
              new HolderRequestChanged(
                  id,
                  HolderRequestChanged.Kind.APPROVED,
                  request.requesterPersonId(),
                  request.holderPersonId(),
                  decision.confidential(),
                  decision.id()));
        });
    return find(actor, id);
  }

  @Transactional
  public HolderRequest decline(BatonUser actor, long id, String reason) {
    HolderRequest request = openForHolder(actor, id);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 2000) {
      throw new InvalidInputException(
          "answer", "Say why, so that the requester knows what to do next.");
    }
    answered(
        jdbc.sql(
                "update authority_request set status = 'DECLINED', answered_at = ?, answer = ?"
                    + " where id = ? and status = 'OPEN'")
            .params(java.sql.Timestamp.from(clock.instant()), why, id)
            .update());
    events.publishEvent(
        new HolderRequestChanged(
            id,
            HolderRequestChanged.Kind.DECLINED,
            request.requesterPersonId(),
            request.holderPersonId(),
            authority.isConfidential(request.decisionType()),
            null));
    return find(actor, id);
  }

  /**
   * The open requests waiting for each of these holders' answer, oldest first: what waits for them
   * (their digest). One query for any number of people.
   */
  public List<HolderRequest> waitingFor(java.util.Collection<Long> holders) {
    if (holders.isEmpty()) {
      return List.of();
    }
    List<HolderRequest> requests =
        jdbc.sql(
                "select * from authority_request where status = 'OPEN'"
                    + " and holder_person_id = any(cast(:holders as bigint[])) order by created_at")
            .param("holders", holders.toArray(Long[]::new))
            .query(this::row)
            .list();
    List<Long> people = new ArrayList<>();
    requests.forEach(r -> people.addAll(List.of(r.requesterPersonId(), r.holderPersonId())));
    Map<Long, String> names = directory.names(people);
    return requests.stream().map(r -> named(r, names)).toList();
  }

  /** A holder and the requests waiting for their answer. */
  public record WaitingHolder(
      long holderPersonId, String holderName, long waiting, java.time.Instant oldestSince) {}

  /**
   * The holders with the most requests waiting for their answer, then the oldest: where decisions
   * wait. Requests of confidential kinds are left out, so that no count reveals one.
   *
   * @param requesters whose requests count, or null for everyone's
   * @param decisionType a kind of decision with the kinds below it, or null for all
   */
  public List<WaitingHolder> mostWaitedOn(
      java.util.Collection<Long> requesters, String decisionType, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select r.holder_person_id, count(*), min(r.created_at) from authority_request r"
                + " join decision_type t on t.code = r.decision_type and not t.confidential"
                + " where r.status = 'OPEN'");
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    if (requesters != null) {
      sql.append(" and r.requester_person_id = any (cast(:requesters as bigint[]))");
      params.put("requesters", requesters.toArray(Long[]::new));
    }
    if (decisionType != null) {
      sql.append(" and (r.decision_type = :type or r.decision_type like :below)");
      params.put("type", decisionType);
      params.put("below", decisionType + ".%");
    }
    sql.append(" group by 1 order by 2 desc, 3 limit :limit");
    params.put("limit", limit);
    List<WaitingHolder> holders =
        jdbc.sql(sql.toString())
            .params(params)
            .query(
                (rs, n) ->
                    new WaitingHolder(
                        rs.getLong(1), "", rs.getLong(2), rs.getTimestamp(3).toInstant()))
            .list();
    Map<Long, String> names =
        directory.names(holders.stream().map(WaitingHolder::holderPersonId).toList());
    return holders.stream()
        .map(
            h ->
                new WaitingHolder(
                    h.holderPersonId(),
                    names.getOrDefault(h.holderPersonId(), "someone"),
                    h.waiting(),
                    h.oldestSince()))
        .toList();
  }

  /**
   * The requests one sent, newest first, at most {@code limit}: their own, with each answer (the
   * home shows them, and the answer as it arrives).
   */
  public List<HolderRequest> latestSentBy(BatonUser actor, int limit) {
    if (actor.personId() == null) {
      return List.of();
    }
    List<HolderRequest> sent =
        jdbc.sql(
                "select * from authority_request where requester_person_id = ?"
                    + " order by created_at desc limit ?")
            .params(actor.personId(), limit)
            .query(this::row)
            .list();
    List<Long> people = new ArrayList<>();
    sent.forEach(r -> people.addAll(List.of(r.requesterPersonId(), r.holderPersonId())));
    Map<Long, String> names = directory.names(people);
    return sent.stream().map(r -> named(r, names)).toList();
  }

  /** A request a person sent to a holder, as their track record counts it. */
  public record Sent(
      String decisionType,
      java.math.BigDecimal amount,
      String currency,
      String status,
      java.time.Instant createdAt) {}

  /**
   * The requests a person sent since a moment, oldest first: counted in their own track record,
   * which only those allowed to see it read.
   */
  public List<Sent> sentBy(long personId, java.time.Instant since) {
    return jdbc.sql(
            "select decision_type, amount, currency, status, created_at from authority_request"
                + " where requester_person_id = ? and created_at >= ? order by created_at")
        .params(personId, java.sql.Timestamp.from(since))
        .query(
            (rs, n) ->
                new Sent(
                    rs.getString(1),
                    rs.getBigDecimal(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /**
   * A request without asking who reads it: for wording an event to those it concerns (the holder,
   * the requester), who may see it.
   */
  public java.util.Optional<HolderRequest> find(long id) {
    return jdbc.sql("select * from authority_request where id = ?")
        .param(id)
        .query(this::row)
        .optional()
        .map(this::named);
  }

  public HolderRequest find(BatonUser actor, long id) {
    HolderRequest request =
        jdbc.sql("select * from authority_request where id = ?")
            .param(id)
            .query(this::row)
            .optional()
            .map(this::named)
            .orElseThrow(() -> new NotFoundException("No request " + id + "."));
    if (!involved(actor, request) && !actor.isAdmin()) {
      throw new NotFoundException("No request " + id + ".");
    }
    return request;
  }

  /** Requests to the actor (to answer) and from the actor (waiting), newest first. */
  public List<HolderRequest> involving(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    List<HolderRequest> requests =
        jdbc.sql(
                "select * from authority_request where holder_person_id = ? or requester_person_id = ?"
                    + " order by status = 'OPEN' desc, created_at desc limit 100")
            .params(actor.personId(), actor.personId())
            .query(this::row)
            .list();
    // One query for every name on the page, not one per request.
    List<Long> people = new java.util.ArrayList<>();
    requests.forEach(r -> people.addAll(List.of(r.requesterPersonId(), r.holderPersonId())));
    Map<Long, String> names = directory.names(people);
    return requests.stream().map(r -> named(r, names)).toList();
  }

  private HolderRequest openForHolder(BatonUser actor, long id) {
    HolderRequest request = find(actor, id);
    if (actor.personId() == null || request.holderPersonId() != actor.personId()) {
      throw new AccessDeniedException("Only the person asked answers a request.");
    }
    if (!request.open()) {
      throw new InvalidInputException("status", "This request has already been answered.");
    }
    return request;
  }

  /** Two answers at once: the second finds the request answered and rolls back. */
  /**
   * The open requests to someone who has left: each goes to the first leader above them (their
   * team's leader, then the one above) who holds the authority for it and is not the requester; if
   * there is none, it is declined with the reason, so that the requester asks again.
   */
  @Transactional
  void rerouteFrom(long leftPersonId) {
    List<HolderRequest> open =
        jdbc.sql("select * from authority_request where holder_person_id = ? and status = 'OPEN'")
            .param(leftPersonId)
            .query(this::row)
            .list();
    for (HolderRequest request : open) {
      java.util.Optional<Long> next = nextHolder(leftPersonId, request);
      if (next.isPresent()) {
        jdbc.sql(
                "update authority_request set holder_person_id = ? where id = ? and status = 'OPEN'")
            .params(next.get(), request.id())
            .update();
      } else {
        String answer =
            directory.findPerson(leftPersonId).map(Person::name).orElse("The holder")
                + " has left, and nobody above them holds this authority: ask again.";
        jdbc.sql(
                "update authority_request set status = 'DECLINED', answered_at = ?, answer = ?"
                    + " where id = ? and status = 'OPEN'")
            .params(java.sql.Timestamp.from(clock.instant()), answer, request.id())
            .update();
      }
      events.publishEvent(
          new HolderRequestRerouted(
              request.id(), request.requesterPersonId(), leftPersonId, next.orElse(null)));
    }
  }

  private java.util.Optional<Long> nextHolder(long leftPersonId, HolderRequest request) {
    Money amount =
        request.amount() == null ? null : new Money(request.amount(), request.currency());
    Instant now = clock.instant();
    java.util.Optional<Person> above =
        directory.findPerson(leftPersonId).flatMap(directory::leaderOf);
    java.util.Set<Long> seen = new java.util.HashSet<>();
    while (above.isPresent() && seen.add(above.get().id())) {
      Person candidate = above.get();
      if (candidate.active()
          && candidate.id() != request.requesterPersonId()
          && authority
                  .evaluate(
                      new CheckQuestion(
                          candidate.id(), request.decisionType(), amount, request.context()),
                      now)
                  .verdict()
              != Verdict.OUTSIDE_AUTHORITY) {
        return java.util.Optional.of(candidate.id());
      }
      above = directory.leaderOf(candidate);
    }
    return java.util.Optional.empty();
  }

  private static void answered(int rowsChanged) {
    if (rowsChanged != 1) {
      throw new InvalidInputException("status", "This request has already been answered.");
    }
  }

  private static boolean involved(BatonUser actor, HolderRequest request) {
    return actor.personId() != null
        && (actor.isPerson(request.holderPersonId())
            || actor.isPerson(request.requesterPersonId()));
  }

  private static CheckQuestion question(long personId, DecisionDraft draft) {
    return new CheckQuestion(personId, draft.decisionType(), draft.amount(), draft.context());
  }

  private HolderRequest named(HolderRequest r) {
    return named(r, directory.names(List.of(r.requesterPersonId(), r.holderPersonId())));
  }

  private static HolderRequest named(HolderRequest r, Map<Long, String> names) {
    return new HolderRequest(
        r.id(),
        r.requesterPersonId(),
        names.get(r.requesterPersonId()),
        r.holderPersonId(),
        names.get(r.holderPersonId()),
        r.decisionType(),
        r.title(),
        r.reason(),
        r.amount(),
        r.currency(),
        r.context(),
        r.status(),
        r.answer(),
        r.createdAt(),
        r.answeredAt(),
        r.decisionId());
  }

  private HolderRequest row(ResultSet rs, int n) throws SQLException {
    Map<String, String> context = new LinkedHashMap<>();
    json.readTree(rs.getString("context"))
        .properties()
        .forEach(e -> context.put(e.getKey(), e.getValue().asString()));
    return new HolderRequest(
        rs.getLong("id"),
        rs.getLong("requester_person_id"),
        null,
        rs.getLong("holder_person_id"),
        null,
        rs.getString("decision_type"),
        rs.getString("title"),
        rs.getString("reason"),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        context,
        rs.getString("status"),
        rs.getString("answer"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
        rs.getObject("decision_id", Long.class));
  }
}
