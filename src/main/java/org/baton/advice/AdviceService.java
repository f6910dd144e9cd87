package org.baton.advice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.baton.authority.Authority;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.directory.Person;
import org.baton.directory.Perspective;
import org.baton.identity.BatonUser;
import org.baton.initiatives.Initiative;
import org.baton.initiatives.Initiatives;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.KeyedPage;
import org.baton.platform.Markdown;
import org.baton.platform.Money;
import org.baton.platform.NotFoundException;
import org.baton.platform.PageKey;
import org.baton.platform.PageOf;
import org.baton.strategy.Strategy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking for advice, giving it, reading it side by side, and closing the request by deciding. Only
 * panel members and volunteers advise; only the asker closes. A restricted request is seen only by
 * the asker, the panel and admins.
 */
@Service
public class AdviceService {

  /**
   * What the asker sends; a null panel means the proposed one.
   *
   * @param priorityId the current priority the request serves, or null
   */
  public record Ask(
      Long initiativeId,
      String question,
      String context,
      Instant deadline,
      List<String> perspectives,
      List<Long> panel,
      boolean restricted,
      String decisionType,
      Money amount,
      Long priorityId) {

    /** A request that names no priority. */
    public Ask(
        Long initiativeId,
        String question,
        String context,
        Instant deadline,
        List<String> perspectives,
        List<Long> panel,
        boolean restricted,
        String decisionType,
        Money amount) {
      this(
          initiativeId,
          question,
          context,
          deadline,
          perspectives,
          panel,
          restricted,
          decisionType,
          amount,
          null);
    }
  }

  /** A request with its advice, for a page. */
  @Schema(name = "AdviceRequestView")
  public record View(
      AdviceRequest request,
      String questionHtml,
      String contextHtml,
      List<AdviceGiven> current,
      List<AdviceGiven> history,
      Synthesis synthesis,
      Map<Long, String> names,
      boolean overdue,
      List<Vacancy> vacancies,
      AdvicePermissions.Answers may) {}

  /**
   * A place on the panel left by someone who has gone, with the replacement Baton proposes (none
   * when nobody else has the perspective).
   */
  public record Vacancy(
      long leftPersonId,
      String leftName,
      @Schema(nullable = true) String perspective,
      @Schema(nullable = true) Long proposedPersonId,
      @Schema(nullable = true) String proposedName) {}

  private final JdbcClient jdbc;
  private final Directory directory;
  private final Initiatives initiatives;
  private final org.baton.initiatives.InitiativeProgress progress;
  private final DecisionRecord decisions;
  private final ApplicationEventPublisher events;
  private final org.springframework.transaction.support.TransactionTemplate transactions;
  private final Clock clock;
  private final Strategy strategy;
  private final OpenAsks openAsks;
  private final Authority authority;

  AdviceService(
      JdbcClient jdbc,
      Directory directory,
      Initiatives initiatives,
      org.baton.initiatives.InitiativeProgress progress,
      DecisionRecord decisions,
      ApplicationEventPublisher events,
      org.springframework.transaction.PlatformTransactionManager transactionManager,
      Clock clock,
      Strategy strategy,
      OpenAsks openAsks,
      Authority authority) {
    this.authority = authority;
    this.openAsks = openAsks;
    this.clock = clock;
    this.strategy = strategy;
    this.jdbc = jdbc;
    this.directory = directory;
    this.initiatives = initiatives;
    this.progress = progress;
    this.decisions = decisions;
    this.events = events;
    this.transactions =
        new org.springframework.transaction.support.TransactionTemplate(transactionManager);
  }

  /** The panel Baton proposes: every perspective covered, every affected team heard. */
  public List<PanelProposal.Member> proposePanel(
      BatonUser actor, List<String> perspectives, Long initiativeId) {
    long asker = person(actor);
    List<Long> teams = initiativeId == null ? List.of() : initiatives.find(initiativeId).teamIds();
    Organisation org = directory.organisation();
    List<String> codes = codes(perspectives);
    return PanelProposal.propose(
        org, asker, codes, teams, openAsks.of(PanelProposal.candidates(org, codes, teams)));
  }

  @Transactional
  public AdviceRequest ask(BatonUser actor, Ask ask) {
    long asker = person(actor);
    List<String> perspectives = codes(ask.perspectives());
    List<FieldProblem> problems = new ArrayList<>();
    String question = ask.question() == null ? "" : ask.question().strip();
    if (question.isEmpty()) {
      problems.add(new FieldProblem("question", "Put your question or proposal."));
    } else if (question.length() > 10_000) {
      problems.add(new FieldProblem("question", "Keep it under 10,000 characters."));
    }
    if (ask.deadline() == null) {
      problems.add(new FieldProblem("deadline", "Give a deadline for the advice."));
    } else if (!ask.deadline().isAfter(clock.instant())) {
      problems.add(new FieldProblem("deadline", "The deadline is in the past."));
    }
    Set<String> known =
        new LinkedHashSet<>(directory.perspectives().stream().map(Perspective::code).toList());
    perspectives.stream()
        .filter(p -> !known.contains(p))
        .forEach(
            p -> problems.add(new FieldProblem("perspectives", "Unknown perspective: " + p + ".")));
    String decisionType = blankToNull(ask.decisionType());
    if (decisionType != null && !authority.isKnownType(decisionType)) {
      problems.add(
          new FieldProblem(
              "decisionType", "Choose a kind of decision from the list, or leave it empty."));
    }
    // Advice about a confidential kind of decision is as confidential as the decision will be.
    boolean restricted =
        ask.restricted() || (decisionType != null && authority.isConfidential(decisionType));
    Initiative initiative = null;
    if (ask.initiativeId() != null) {
      initiative = initiatives.find(ask.initiativeId());
      if (!org.baton.initiatives.InitiativesPermissions.mayAskForAdvice(asker, initiative)) {
        throw new AccessDeniedException(
            "The initiative's leader and supporters ask on its behalf, while it is open.");
      }
    }
    Organisation org = directory.organisation();
    List<Long> affected = initiative == null ? List.of() : initiative.teamIds();
    List<PanelProposal.Member> proposed =
        PanelProposal.propose(
            org,
            asker,
            perspectives,
            affected,
            openAsks.of(PanelProposal.candidates(org, perspectives, affected)));
    List<AdviceRequest.PanelMember> panel = panel(ask.panel(), proposed, asker, problems);
    if (ask.priorityId() != null && !strategy.isCurrentPriority(ask.priorityId())) {
      problems.add(new FieldProblem("priorityId", "Choose one of the current priorities."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    long id =
        jdbc.sql(
                """
                insert into advice_request (initiative_id, asker_person_id, question, context,
                    deadline, perspectives, restricted, decision_type, amount, currency,
                    priority_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(
                ask.initiativeId(),
                asker,
                question,
                ask.context() == null ? "" : ask.context().strip(),
                Timestamp.from(ask.deadline()),
                perspectives.toArray(String[]::new),
                restricted,
                decisionType,
                ask.amount() == null ? null : ask.amount().value(),
                ask.amount() == null ? null : ask.amount().currency(),
                ask.priorityId(),
                Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    for (AdviceRequest.PanelMember member : panel) {
      jdbc.sql(
              "insert into advice_panel_member"
                  + " (request_id, person_id, perspective, reason, request_open, asked_at)"
                  + " select id, ?, ?, ?, status = 'OPEN', created_at from advice_request"
                  + " where id = ?")
          .params(member.personId(), member.perspective(), member.reason(), id)
          .update();
    }
    openAsks.placed(panel.stream().map(AdviceRequest.PanelMember::personId).toList());
    if (initiative != null && !restricted) {
      // a restricted request stays with its asker and panel: not even its existence is shown
      progress.adviceAsked(initiative.id(), asker, id, question);
    }
    AdviceRequest request = find(id).orElseThrow();
    events.publishEvent(
        new AdviceChanged(
            id,
            AdviceChanged.Kind.ASKED,
            actor.personId(),
            null,
            audience(request),
            panel.stream().map(AdviceRequest.PanelMember::personId).toList()));
    return request;
  }

  /** Panel members advise; anyone else who can see the request may volunteer advice. */
  @Transactional
  public AdviceGiven advise(
      BatonUser actor, long requestId, Stance stance, String reasons, String conditions) {
    long adviser = person(actor);
    AdviceRequest request = lockedVisible(actor, requestId);
    if (!request.open()) {
      throw new InvalidInputException(
          "request", "This request is closed; advice can no longer be given.");
    }
    if (request.askerId() == adviser) {
      throw new InvalidInputException("adviser", "You asked; others advise.");
    }
    if (stance == null) {
      throw new InvalidInputException("stance", "Choose your stance.");
    }
    String why = reasons == null ? "" : reasons.strip();
    if (why.isEmpty() || why.length() > 10_000) {
      throw new InvalidInputException("reasons", "Give your reasons.");
    }
    String terms = conditions == null ? "" : conditions.strip();
    if (stance == Stance.SUPPORT_WITH_CONDITIONS && terms.isEmpty()) {
      throw new InvalidInputException("conditions", "Name your conditions.");
    }
    int revision =
        jdbc.sql(
                "select coalesce(max(revision), 0) + 1 from advice where request_id = ? and adviser_person_id = ?")
            .params(requestId, adviser)
            .query(Integer.class)
            .single();
    boolean volunteered = !request.onPanel(adviser);
    long id =
        jdbc.sql(
                """
                insert into advice (request_id, adviser_person_id, stance, reasons, conditions,
                                    volunteered, revision, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(
                requestId,
                adviser,
                stance.name(),
                why,
                terms,
                volunteered,
                revision,
                java.sql.Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    jdbc.sql(
            "update advice_request set first_advice_at = coalesce(first_advice_at, ?) where id = ?")
        .params(Timestamp.from(clock.instant()), requestId)
        .update();
    events.publishEvent(
        new AdviceChanged(
            requestId,
            revision > 1 ? AdviceChanged.Kind.REVISED : AdviceChanged.Kind.ADVISED,
            actor.personId(),
            stance,
            audience(request),
            List.of()));
    return history(requestId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
  }

  /**
   * The asker closes the request: by recording a decision (on their own authority, linked to the
   * advice weighed), or by stating that no decision was needed. Not one transaction here: the
   * decision record commits the decision and the closing together (see {@link #markClosed}).
   */
  public AdviceRequest close(
      BatonUser actor, long requestId, DecisionDraft decide, String noDecisionNote) {
    long asker = person(actor);
    AdviceRequest request = visible(actor, requestId);
    if (!AdvicePermissions.isAsker(actor, request)) {
      throw new AccessDeniedException("Only the asker closes a request.");
    }
    if (!request.open()) {
      throw new InvalidInputException("request", "This request is closed already.");
    }
    if (decide != null) {
      String weighed = "Advice request #" + requestId + ": " + summary(requestId);
      DecisionDraft linked =
          new DecisionDraft(
              decide.decisionType(),
              decide.title(),
              decide.reason(),
              decide.amount(),
              decide.context(),
              decide.affectedTeamIds(),
              decide.followUpOn(),
              decide.adviceConsidered().isBlank()
                  ? weighed
                  : decide.adviceConsidered() + " — " + weighed,
              null,
              decide.learningsShown(),
              decide.learningsAcknowledged(),
              decide.priorityId() != null ? decide.priorityId() : inherited(request),
              decide.advisers(),
              // the advice given on this request counts towards the rule's requirement
              requestId);
      // The decision and the closing commit together, or neither does.
      decisions.record(
          actor,
          linked,
          decision -> {
            markClosed(requestId, "Decided: " + decision.title(), decision.id(), asker);
            if (request.initiativeId() != null && !request.restricted()) {
              // a confidential decision shows on the timeline as the request's outcome only
              progress.decided(
                  request.initiativeId(),
                  asker,
                  decision.confidential() ? null : decision.id(),
                  requestId,
                  decision.confidential() ? "" : decision.title());
            }
          });
    } else {
      String note = noDecisionNote == null ? "" : noDecisionNote.strip();
      if (note.isEmpty()) {
        throw new InvalidInputException("note", "Say why no decision was needed.");
      }
      transactions.executeWithoutResult(done -> markClosed(requestId, note, null, asker));
    }
    return find(requestId).orElseThrow();
  }

  /**
   * Closes an open request, and publishes that it closed, in the caller's transaction (the
   * decision's, when closing by deciding), so that the event is stored with the closing; one that
   * another action closed meanwhile is refused.
   */
  private void markClosed(long requestId, String note, Long decisionId, long closedBy) {
    int closed =
        jdbc.sql(
                "update advice_request set status = 'CLOSED', closing_note = ?, decision_id = ?,"
                    + " closed_at = ? where id = ? and status = 'OPEN'")
            .params(note, decisionId, Timestamp.from(clock.instant()), requestId)
            .update();
    if (closed != 1) {
      throw new InvalidInputException("request", "This request is closed already.");
    }
    jdbc.sql("update advice_panel_member set request_open = false where request_id = ?")
        .param(requestId)
        .update();
    openAsks.closed(requestId);
    events.publishEvent(
        new AdviceChanged(
            requestId,
            AdviceChanged.Kind.CLOSED,
            closedBy,
            null,
            audience(find(requestId).orElseThrow()),
            List.of()));
  }

  public View view(BatonUser actor, long requestId) {
    AdviceRequest request = visible(actor, requestId);
    List<AdviceGiven> history = history(requestId);
    Map<Long, AdviceGiven> latest = new java.util.LinkedHashMap<>();
    history.forEach(
        a -> latest.merge(a.adviserId(), a, (x, y) -> x.revision() >= y.revision() ? x : y));
    List<AdviceGiven> current = new ArrayList<>(latest.values());
    Set<Long> people = new LinkedHashSet<>();
    people.add(request.askerId());
    request.panel().forEach(m -> people.add(m.personId()));
    history.forEach(a -> people.add(a.adviserId()));
    Map<Long, String> names = directory.names(people);
    Organisation org = directory.organisation();
    Synthesis synthesis =
        Synthesis.of(
            request,
            current,
            names::get,
            id -> org.member(id).map(Organisation.Member::perspectives).orElse(List.of()));
    return new View(
        request,
        Markdown.toSafeHtml(request.question()),
        Markdown.toSafeHtml(request.context()),
        current,
        history,
        synthesis,
        names,
        request.overdue(clock.instant()),
        vacancies(requestId),
        AdvicePermissions.answers(actor, request));
  }

  /**
   * Someone left: each open request on whose panel they had not yet advised gets a vacancy, with a
   * replacement proposed as for a new panel (same perspective, least busy, nearest the asker), and
   * the asker is told.
   */
  @Transactional
  void offerPlacesOf(long leftPersonId) {
    List<Long> requestIds =
        jdbc.sql(
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
            .params(leftPersonId, leftPersonId, leftPersonId)
            .query(Long.class)
            .list();
    Map<Long, Integer> load = openAsks.all();
    for (long requestId : requestIds) {
      AdviceRequest request = find(requestId).orElseThrow();
      AdviceRequest.PanelMember place =
          request.panel().stream()
              .filter(m -> m.personId() == leftPersonId)
              .findFirst()
              .orElseThrow();
      Set<Long> onPanel = new java.util.HashSet<>();
      request.panel().forEach(m -> onPanel.add(m.personId()));
      List<Long> teams =
          request.initiativeId() == null
              ? List.of()
              : initiatives.find(request.initiativeId()).teamIds();
      Long proposed =
          PanelProposal.propose(
                  directory.organisation(),
                  request.askerId(),
                  perspectivesOfPlace(place),
                  teams,
                  load)
              .stream()
              .map(PanelProposal.Member::personId)
              .filter(p -> !onPanel.contains(p) && p != request.askerId())
              .findFirst()
              .orElse(null);
      jdbc.sql(
              "insert into advice_panel_vacancy (request_id, left_person_id, perspective,"
                  + " proposed_person_id) values (?, ?, ?, ?)")
          .params(requestId, leftPersonId, place.perspective(), proposed)
          .update();
      events.publishEvent(
          new AdviceChanged(
              requestId,
              AdviceChanged.Kind.ADVISER_LEFT,
              leftPersonId,
              null,
              List.of(request.askerId()),
              List.of()));
    }
  }

  /**
   * The perspective the place was for; for someone the asker chose by name, the perspectives they
   * had.
   */
  private List<String> perspectivesOfPlace(AdviceRequest.PanelMember place) {
    if (place.perspective() != null) {
      return List.of(place.perspective());
    }
    return directory.findPerson(place.personId()).map(Person::perspectiveCodes).orElse(List.of());
  }

  /** The asker fills a vacancy with one tap: the proposed replacement joins the panel. */
  @Transactional
  public AdviceRequest fillVacancy(BatonUser actor, long requestId, Long leftPersonId) {
    long asker = person(actor);
    AdviceRequest request = visible(actor, requestId);
    if (!AdvicePermissions.isAsker(actor, request)) {
      throw new AccessDeniedException("Only the asker changes the panel.");
    }
    if (!request.open()) {
      throw new InvalidInputException("request", "This request is closed already.");
    }
    Vacancy vacancy =
        vacancies(requestId).stream()
            .filter(v -> leftPersonId != null && v.leftPersonId() == leftPersonId)
            .filter(v -> v.proposedPersonId() != null)
            .findFirst()
            .orElseThrow(
                () -> new InvalidInputException("person", "There is no place to fill for them."));
    int placed =
        jdbc.sql(
                "insert into advice_panel_member"
                    + " (request_id, person_id, perspective, reason, request_open, asked_at)"
                    + " select id, ?, ?, ?, status = 'OPEN', created_at from advice_request"
                    + " where id = ? on conflict do nothing")
            .params(
                vacancy.proposedPersonId(),
                vacancy.perspective(),
                "In place of " + vacancy.leftName() + ", who has left",
                requestId)
            .update();
    if (placed == 1) {
      openAsks.placed(List.of(vacancy.proposedPersonId()));
    }
    jdbc.sql(
            "update advice_panel_vacancy set filled_at = now()"
                + " where request_id = ? and left_person_id = ?")
        .params(requestId, vacancy.leftPersonId())
        .update();
    AdviceRequest updated = find(requestId).orElseThrow();
    events.publishEvent(
        new AdviceChanged(
            requestId,
            AdviceChanged.Kind.ASKED,
            asker,
            null,
            audience(updated),
            List.of(vacancy.proposedPersonId())));
    return updated;
  }

  /** The request's open vacancies, with names. */
  private List<Vacancy> vacancies(long requestId) {
    record Row(long left, String perspective, Long proposed) {}
    List<Row> rows =
        jdbc.sql(
                "select left_person_id, perspective, proposed_person_id from advice_panel_vacancy"
                    + " where request_id = ? and filled_at is null order by created_at")
            .param(requestId)
            .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> people = new ArrayList<>();
    rows.forEach(
        r -> {
          people.add(r.left());
          if (r.proposed() != null) {
            people.add(r.proposed());
          }
        });
    Map<Long, String> names = directory.names(people);
    return rows.stream()
        .map(
            r ->
                new Vacancy(
                    r.left(),
                    names.get(r.left()),
                    r.perspective(),
                    r.proposed(),
                    r.proposed() == null ? null : names.get(r.proposed())))
        .toList();
  }

  /**
   * Requests the actor asked, and those they are on the panel of; open first, then newest first, a
   * page at a time read by key (open or not, when asked, id).
   */
  @Transactional(readOnly = true)
  public KeyedPage<AdviceRequest> involving(BatonUser actor, String after, int size) {
    PageKey key = PageKey.parse(after, 3);
    int pageSize = PageOf.clampSize(size);
    if (actor.personId() == null) {
      return new KeyedPage<>(List.of(), null);
    }
    // Two index-ordered reads, each at most a page long: the requests asked, and the panel places
    // (which carry their request's open flag and time); then the page of the two together.
    String asked = "r.asker_person_id = :me";
    String placed = "m.person_id = :me";
    Map<String, Object> params = new HashMap<>();
    params.put("me", actor.personId());
    params.put("limit", pageSize + 1);
    if (key != null) {
      asked += " and (r.status = 'OPEN', r.created_at, r.id) < (:open, :at, :id)";
      placed += " and (m.request_open, m.asked_at, m.request_id) < (:open, :at, :id)";
      params.put("open", key.flag(0));
      params.put("at", Timestamp.from(key.instant(1)));
      params.put("id", key.number(2));
    }
    List<Long> ids =
        jdbc.sql(
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
    Map<Long, AdviceRequest> byId = new HashMap<>();
    if (!ids.isEmpty()) {
      requests("where r.id = any (?)", (Object) ids.toArray(Long[]::new))
          .forEach(r -> byId.put(r.id(), r));
    }
    List<AdviceRequest> rows =
        ids.stream()
            .map(byId::get)
            .filter(java.util.Objects::nonNull)
            .map(r -> shownTo(actor, r))
            .toList();
    return KeyedPage.of(rows, pageSize, r -> PageKey.of(r.open(), r.createdAt(), r.id()));
  }

  /**
   * Whether the request exists and the actor may see it: what other modules ask (a learning review
   * of it inherits its visibility) without loading its advice.
   */
  public boolean maySee(BatonUser actor, long requestId) {
    return find(requestId).map(request -> AdvicePermissions.maySee(actor, request)).orElse(false);
  }

  /**
   * The decision closing a request serves what the request served, while that is still a current
   * priority (a decision names only current ones).
   */
  private Long inherited(AdviceRequest request) {
    return request.priorityId() != null && strategy.isCurrentPriority(request.priorityId())
        ? request.priorityId()
        : null;
  }

  /** Who hears about it live: the asker, the panel, and whoever has advised. */
  List<Long> audience(AdviceRequest request) {
    Set<Long> audience = new LinkedHashSet<>();
    audience.add(request.askerId());
    request.panel().forEach(m -> audience.add(m.personId()));
    jdbc.sql("select distinct adviser_person_id from advice where request_id = ?")
        .param(request.id())
        .query(Long.class)
        .list()
        .forEach(audience::add);
    return new ArrayList<>(audience);
  }

  private AdviceRequest visible(BatonUser actor, long id) {
    AdviceRequest request =
        find(id).orElseThrow(() -> new NotFoundException("No advice request " + id + "."));
    if (!AdvicePermissions.maySee(actor, request)) {
      throw new NotFoundException("No advice request " + id + ".");
    }
    return shownTo(actor, request);
  }

  /**
   * A request shows the decision it led to (its title in the closing note, its id) only to those
   * who may see that decision: a confidential one stays with those involved.
   */
  private AdviceRequest shownTo(BatonUser actor, AdviceRequest request) {
    return request.decisionId() == null || decisions.maySee(actor, request.decisionId())
        ? request
        : request.withoutOutcome();
  }

  private AdviceRequest lockedVisible(BatonUser actor, long id) {
    jdbc.sql("select id from advice_request where id = ? for update")
        .param(id)
        .query(Long.class)
        .optional();
    return visible(actor, id);
  }

  private String summary(long requestId) {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    jdbc.sql(
            "select distinct on (adviser_person_id) stance from advice where request_id = ?"
                + " order by adviser_person_id, revision desc")
        .param(requestId)
        .query(String.class)
        .list()
        .forEach(s -> counts.merge(Stance.valueOf(s).label().toLowerCase(), 1, Integer::sum));
    return counts.isEmpty()
        ? "no advice given"
        : counts.toString().replaceAll("[{}]", "").replace("=", ": ");
  }

  /** An open request waiting for one person's advice. */
  public record WaitingAdvice(long personId, long requestId, String question, Instant deadline) {}

  /**
   * The open requests on which each of these people is asked and has not advised yet, soonest
   * deadline first: what waits for them (their digest). One query for any number of people.
   */
  public List<WaitingAdvice> waitingFor(java.util.Collection<Long> people) {
    if (people.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select m.person_id, r.id, r.question, r.deadline
            from advice_panel_member m join advice_request r on r.id = m.request_id
            where m.person_id = any(cast(:people as bigint[])) and r.status = 'OPEN'
              and not exists (select 1 from advice a
                              where a.request_id = r.id and a.adviser_person_id = m.person_id)
            order by r.deadline, r.id
            """)
        .param("people", people.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new WaitingAdvice(
                    rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** An adviser and the open requests still waiting for their advice. */
  public record BusyAdviser(long personId, String name, long openAsks, Instant oldestSince) {}

  /**
   * The advisers with the most open asks (on a panel of an open request, not yet advised), then the
   * oldest. Restricted requests are left out, so that no count reveals one.
   *
   * @param askers whose requests count, or null for everyone's
   * @param decisionType a kind of decision with the kinds below it, or null for all
   */
  public List<BusyAdviser> busiestAdvisers(
      java.util.Collection<Long> askers, String decisionType, int limit) {
    StringBuilder sql =
        new StringBuilder(
            """
            select m.person_id, count(*), min(r.created_at)
            from advice_request r join advice_panel_member m on m.request_id = r.id
            where r.status = 'OPEN' and not r.restricted
              and not exists (select 1 from advice a
                              where a.request_id = r.id and a.adviser_person_id = m.person_id)
            """);
    Map<String, Object> params = new java.util.LinkedHashMap<>();
    if (askers != null) {
      sql.append(" and r.asker_person_id = any (cast(:askers as bigint[]))");
      params.put("askers", askers.toArray(Long[]::new));
    }
    if (decisionType != null) {
      sql.append(" and (r.decision_type = :type or r.decision_type like :below)");
      params.put("type", decisionType);
      params.put("below", decisionType + ".%");
    }
    sql.append(" group by 1 order by 2 desc, 3 limit :limit");
    params.put("limit", limit);
    List<BusyAdviser> advisers =
        jdbc.sql(sql.toString())
            .params(params)
            .query(
                (rs, n) ->
                    new BusyAdviser(
                        rs.getLong(1), "", rs.getLong(2), rs.getTimestamp(3).toInstant()))
            .list();
    Map<Long, String> names =
        directory.names(advisers.stream().map(BusyAdviser::personId).toList());
    return advisers.stream()
        .map(
            a ->
                new BusyAdviser(
                    a.personId(),
                    names.getOrDefault(a.personId(), "someone"),
                    a.openAsks(),
                    a.oldestSince()))
        .toList();
  }

  /**
   * How many advice requests a person asked since a moment, per decision type they named (requests
   * naming none are left out): counted in their own track record.
   */
  public Map<String, Integer> soughtBy(long personId, Instant since) {
    Map<String, Integer> counts = new java.util.HashMap<>();
    jdbc.sql(
            "select decision_type, count(*) from advice_request where asker_person_id = ?"
                + " and created_at >= ? and decision_type is not null group by decision_type")
        .params(personId, java.sql.Timestamp.from(since))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> counts.put(rs.getString(1), rs.getInt(2)));
    return counts;
  }

  /**
   * A request without asking who reads it: for those that word an event to people it already
   * concerns (the notification centre) or that decide for themselves who may hear of it.
   */
  public Optional<AdviceRequest> find(long id) {
    return requests("where r.id = ?", id).stream().findFirst();
  }

  /** The requests that name a priority, newest first, at most 200 (for its page). */
  List<AdviceRequest> servingPriority(long priorityId) {
    return requests(
        "where r.priority_id = ? order by r.created_at desc, r.id desc limit 200", priorityId);
  }

  /** Requests with their panels: two queries however many requests, never one per request. */
  private List<AdviceRequest> requests(String where, Object... params) {
    List<AdviceRequest> found =
        jdbc.sql("select r.* from advice_request r " + where)
            .params(params)
            .query((rs, n) -> row(rs, List.of()))
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
            (rs, n) ->
                panels
                    .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(
                        new AdviceRequest.PanelMember(
                            rs.getLong(2), rs.getString(3), rs.getString(4))))
        .list();
    return found.stream().map(r -> r.withPanel(panels.getOrDefault(r.id(), List.of()))).toList();
  }

  private List<AdviceGiven> history(long requestId) {
    return jdbc.sql(
            "select id, adviser_person_id, stance, reasons, conditions, volunteered, revision, created_at"
                + " from advice where request_id = ? order by id")
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

  private List<AdviceRequest.PanelMember> panel(
      List<Long> chosen,
      List<PanelProposal.Member> proposed,
      long asker,
      List<FieldProblem> problems) {
    if (chosen == null) {
      if (proposed.isEmpty()) {
        problems.add(
            new FieldProblem(
                "panel", "Nobody covers these perspectives; choose advisers yourself."));
      }
      return proposed.stream()
          .map(m -> new AdviceRequest.PanelMember(m.personId(), m.perspective(), m.reason()))
          .toList();
    }
    List<AdviceRequest.PanelMember> panel = new ArrayList<>();
    Organisation org = directory.organisation();
    for (Long id : chosen.stream().distinct().toList()) {
      Optional<Organisation.Member> member = org.member(id).filter(Organisation.Member::active);
      if (member.isEmpty()) {
        problems.add(new FieldProblem("panel", "Choose active people for the panel."));
      } else if (id == asker) {
        problems.add(new FieldProblem("panel", "You cannot advise yourself."));
      } else {
        PanelProposal.Member suggested =
            proposed.stream().filter(p -> p.personId() == id).findFirst().orElse(null);
        panel.add(
            suggested != null
                ? new AdviceRequest.PanelMember(id, suggested.perspective(), suggested.reason())
                : new AdviceRequest.PanelMember(id, null, "Chosen by the asker"));
      }
    }
    if (panel.isEmpty() && problems.isEmpty()) {
      problems.add(new FieldProblem("panel", "Choose at least one adviser."));
    }
    return panel;
  }

  private AdviceRequest row(ResultSet rs, List<AdviceRequest.PanelMember> panel)
      throws SQLException {
    BigDecimal amount = rs.getBigDecimal("amount");
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
        amount,
        rs.getString("currency"),
        rs.getString("status"),
        rs.getString("closing_note"),
        rs.getObject("decision_id", Long.class),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("first_advice_at") == null
            ? null
            : rs.getTimestamp("first_advice_at").toInstant(),
        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
        panel,
        rs.getObject("priority_id", Long.class));
  }

  private static List<String> codes(List<String> perspectives) {
    return perspectives == null
        ? List.of()
        : perspectives.stream()
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .map(Perspective::codeFor)
            .distinct()
            .toList();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static long person(BatonUser actor) {
    if (actor.personId() == null) {
      throw new InvalidInputException(
          "person", "Sign in as yourself: advice is asked and given by people.");
    }
    return actor.personId();
  }
}
