package org.baton.advice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.baton.authority.Authority;
import org.baton.decisions.DecisionDraft;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.identity.BatonUser;
import org.baton.initiatives.Initiative;
import org.baton.initiatives.InitiativeProgress;
import org.baton.initiatives.Initiatives;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.KeyedPage;
import org.baton.platform.Markdown;
import org.baton.platform.Money;
import org.baton.platform.PageKey;
import org.baton.platform.PageOf;
import org.baton.platform.TextRules;
import org.baton.strategy.Strategy;
import org.springframework.context.ApplicationEventPublisher;
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

  private final AdviceStore store;
  private final OpenAsksStore openAsks;
  private final AdviceAccess access;
  private final ClosingAdvice closing;
  private final PanelVacancies vacancies;
  private final Directory directory;
  private final Initiatives initiatives;
  private final InitiativeProgress progress;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Strategy strategy;
  private final Authority authority;

  AdviceService(
      AdviceStore store,
      OpenAsksStore openAsks,
      AdviceAccess access,
      ClosingAdvice closing,
      PanelVacancies vacancies,
      Directory directory,
      Initiatives initiatives,
      InitiativeProgress progress,
      ApplicationEventPublisher events,
      Clock clock,
      Strategy strategy,
      Authority authority) {
    this.store = store;
    this.openAsks = openAsks;
    this.access = access;
    this.closing = closing;
    this.vacancies = vacancies;
    this.directory = directory;
    this.initiatives = initiatives;
    this.progress = progress;
    this.events = events;
    this.clock = clock;
    this.strategy = strategy;
    this.authority = authority;
  }

  /** The panel Baton proposes: every perspective covered, every affected team heard. */
  public List<PanelProposal.Member> proposePanel(
      BatonUser actor, List<String> perspectives, Long initiativeId) {
    long asker = access.person(actor);
    List<Long> teams = initiativeId == null ? List.of() : initiatives.find(initiativeId).teamIds();
    return propose(asker, AdviceRules.codes(perspectives), teams);
  }

  @Transactional
  public AdviceRequest ask(BatonUser actor, Ask ask) {
    long asker = access.person(actor);
    Initiative initiative =
        ask.initiativeId() == null ? null : initiatives.find(ask.initiativeId());
    if (initiative != null) {
      access.mayAskFor(asker, initiative);
    }
    List<String> perspectives = AdviceRules.codes(ask.perspectives());
    Set<String> known = new HashSet<>();
    directory.perspectives().forEach(p -> known.add(p.code()));
    List<FieldProblem> problems =
        new ArrayList<>(
            AdviceRules.ask(
                ask,
                perspectives,
                new AdviceRules.Known(
                    clock.instant(), known, authority::isKnownType, strategy::isCurrentPriority)));
    List<Long> affected = initiative == null ? List.of() : initiative.teamIds();
    List<AdviceRequest.PanelMember> panel =
        AdviceRules.panel(
            ask.panel(),
            propose(asker, perspectives, affected),
            asker,
            directory.organisation(),
            problems);
    InvalidInputException.throwIfAny(problems);
    String decisionType = TextRules.orNull(ask.decisionType());
    // Advice about a confidential kind of decision is as confidential as the decision will be.
    boolean restricted =
        ask.restricted() || (decisionType != null && authority.isConfidential(decisionType));
    String question = ask.question().strip();
    long id =
        store.insert(
            new AdviceStore.NewRequest(
                ask.initiativeId(),
                asker,
                question,
                TextRules.orEmpty(ask.context()),
                ask.deadline(),
                perspectives,
                restricted,
                decisionType,
                ask.amount() == null ? null : ask.amount().value(),
                ask.amount() == null ? null : ask.amount().currency(),
                ask.priorityId(),
                clock.instant()));
    panel.forEach(member -> store.place(id, member));
    List<Long> asked = panel.stream().map(AdviceRequest.PanelMember::personId).toList();
    openAsks.placed(asked);
    if (initiative != null && !restricted) {
      // a restricted request stays with its asker and panel: not even its existence is shown
      progress.adviceAsked(initiative.id(), asker, id, question);
    }
    AdviceRequest request = store.find(id).orElseThrow();
    events.publishEvent(
        new AdviceChanged(
            id, AdviceChanged.Kind.ASKED, asker, null, access.audience(request), asked));
    return request;
  }

  /** Panel members advise; anyone else who can see the request may volunteer advice. */
  @Transactional
  public AdviceGiven advise(
      BatonUser actor, long requestId, Stance stance, String reasons, String conditions) {
    long adviser = access.person(actor);
    store.lock(requestId);
    AdviceRequest request = access.visible(actor, requestId);
    if (!request.open()) {
      throw new InvalidInputException(
          "request", "This request is closed; advice can no longer be given.");
    }
    if (request.askerId() == adviser) {
      throw new InvalidInputException("adviser", "You asked; others advise.");
    }
    List<FieldProblem> problems = AdviceRules.advice(stance, reasons, conditions);
    InvalidInputException.throwIfAny(problems);
    AdviceStore.Added added =
        store.addAdvice(
            requestId,
            adviser,
            stance,
            reasons.strip(),
            TextRules.orEmpty(conditions),
            !request.onPanel(adviser),
            clock.instant());
    events.publishEvent(
        new AdviceChanged(
            requestId,
            added.revision() > 1 ? AdviceChanged.Kind.REVISED : AdviceChanged.Kind.ADVISED,
            adviser,
            stance,
            access.audience(request),
            List.of()));
    return store.history(requestId).stream()
        .filter(a -> a.id() == added.id())
        .findFirst()
        .orElseThrow();
  }

  public View view(BatonUser actor, long requestId) {
    AdviceRequest request = access.visible(actor, requestId);
    List<AdviceGiven> history = store.history(requestId);
    Map<Long, AdviceGiven> latest = new LinkedHashMap<>();
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
        vacancies.vacancies(requestId),
        AdvicePermissions.answers(actor, request));
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
    List<Long> ids = store.involving(actor.personId(), key, pageSize + 1);
    Map<Long, AdviceRequest> byId = new HashMap<>();
    store.findAll(ids).forEach(r -> byId.put(r.id(), r));
    List<AdviceRequest> rows =
        ids.stream()
            .map(byId::get)
            .filter(Objects::nonNull)
            .map(r -> access.shownTo(actor, r))
            .toList();
    return KeyedPage.of(rows, pageSize, r -> PageKey.of(r.open(), r.createdAt(), r.id()));
  }

  /**
   * The asker closes the request: by recording a decision (on their own authority, linked to the
   * advice weighed), or by stating that no decision was needed.
   */
  public AdviceRequest close(
      BatonUser actor, long requestId, DecisionDraft decide, String noDecisionNote) {
    return closing.close(actor, requestId, decide, noDecisionNote);
  }

  /** The asker fills a vacancy with one tap: the proposed replacement joins the panel. */
  public AdviceRequest fillVacancy(BatonUser actor, long requestId, Long leftPersonId) {
    return vacancies.fillVacancy(actor, requestId, leftPersonId);
  }

  private List<PanelProposal.Member> propose(long asker, List<String> codes, List<Long> teams) {
    Organisation org = directory.organisation();
    return PanelProposal.propose(
        org, asker, codes, teams, openAsks.of(PanelProposal.candidates(org, codes, teams)));
  }
}
