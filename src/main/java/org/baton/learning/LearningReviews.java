package org.baton.learning;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.directory.Perspective;
import org.baton.identity.BatonUser;
import org.baton.initiatives.Initiatives;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing, publishing and following learning reviews. Every read goes through {@link
 * LearningPermissions}; every write is one transaction, checked first, so a refused one saves
 * nothing.
 */
@Service
public class LearningReviews {

  private static final int MAX_TEXT = TextLimits.ANY;

  private final JdbcClient jdbc;
  private final Directory directory;
  private final Initiatives initiatives;
  private final AuthorityAdministration authority;
  private final LearningPermissions permissions;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  LearningReviews(
      JdbcClient jdbc,
      Directory directory,
      Initiatives initiatives,
      AuthorityAdministration authority,
      LearningPermissions permissions,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.directory = directory;
    this.initiatives = initiatives;
    this.authority = authority;
    this.permissions = permissions;
    this.clock = clock;
  }

  /** A new review, as a draft only its author sees until they publish it. */
  @Transactional
  public LearningReview create(BatonUser actor, ReviewDraft draft) {
    long author = LearningPermissions.person(actor, "author");
    List<Long> owners = new ArrayList<>();
    List<FieldProblem> problems = check(actor, draft, owners);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    long id =
        jdbc.sql(
                """
                insert into learning_review (author_person_id, title, what_happened,
                    what_we_expected, what_we_learned, what_we_will_change, factors,
                    decision_types, perspectives, team_ids)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(
                author,
                draft.title(),
                draft.whatHappened(),
                draft.whatWeExpected(),
                draft.whatWeLearned(),
                draft.whatWeWillChange(),
                draft.factors().toArray(String[]::new),
                draft.decisionTypes().toArray(String[]::new),
                draft.perspectives().toArray(String[]::new),
                directory.organisation().teamPath(author).toArray(Long[]::new))
            .query(Long.class)
            .single();
    link(id, "DECISION", draft.decisionIds());
    link(id, "INITIATIVE", draft.initiativeIds());
    link(id, "ADVICE_REQUEST", draft.adviceRequestIds());
    for (int i = 0; i < draft.actions().size(); i++) {
      ReviewDraft.ActionDraft action = draft.actions().get(i);
      jdbc.sql(
              "insert into learning_action (review_id, owner_person_id, description, due_on)"
                  + " values (?, ?, ?, ?)")
          .params(id, owners.get(i), action.description().strip(), action.due())
          .update();
    }
    return find(actor, id);
  }

  /** The review, if the actor may see it; otherwise it is as good as absent. */
  @Transactional(readOnly = true)
  public LearningReview find(BatonUser actor, long id) {
    return load(List.of(id)).stream()
        .filter(review -> permissions.maySee(actor, review))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No learning review " + id + "."));
  }

  /** The actor's own reviews (drafts too) and the published ones they may see, newest first. */
  @Transactional(readOnly = true)
  public List<LearningReview> list(BatonUser actor) {
    List<Long> ids =
        jdbc.sql(
                "select id from learning_review where status = 'PUBLISHED' or author_person_id = ?"
                    + " order by coalesce(published_at, created_at) desc, id desc limit 100")
            .param(actor.personId() == null ? -1 : actor.personId())
            .query(Long.class)
            .list();
    return load(ids).stream().filter(review -> permissions.maySee(actor, review)).toList();
  }

  @Transactional
  public LearningReview publish(BatonUser actor, long id) {
    LearningReview review = find(actor, id);
    permissions.requireAuthor(actor, review);
    if (review.published()) {
      throw new InvalidInputException("status", "This review is published already.");
    }
    jdbc.sql(
            "update learning_review set status = 'PUBLISHED', published_at = ?"
                + " where id = ? and status = 'DRAFT'")
        .params(Timestamp.from(clock.instant()), id)
        .update();
    events.publishEvent(
        new LearningChanged(
            LearningChanged.Kind.REVIEW_PUBLISHED,
            LearningKind.REVIEW,
            id,
            review.authorId(),
            review.actions().stream().map(LearningReview.Action::ownerId).toList()));
    return find(actor, id);
  }

  @Transactional
  public LearningReview markActionDone(BatonUser actor, long reviewId, long actionId, String note) {
    LearningReview review = find(actor, reviewId);
    LearningReview.Action action =
        review.actions().stream()
            .filter(a -> a.id() == actionId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No action " + actionId + " on this review."));
    permissions.requireOwner(actor, action);
    String why = note == null ? "" : note.strip();
    if (why.length() > 2000) {
      throw new InvalidInputException("note", "Keep the note under 2,000 characters.");
    }
    int done =
        jdbc.sql(
                "update learning_action set done_at = ?, done_note = ? where id = ?"
                    + " and done_at is null")
            .params(Timestamp.from(clock.instant()), why, actionId)
            .update();
    if (done != 1) {
      throw new InvalidInputException("action", "This action is done already.");
    }
    return find(actor, reviewId);
  }

  /** Blame hints for text being written, naming the people of the organisation it mentions. */
  public List<LearningReview.Hint> hints(String text) {
    Set<String> words = new java.util.HashSet<>();
    for (String word : text.split("[^\\p{L}']+")) {
      if (word.length() >= 3) {
        words.add(word.toLowerCase(java.util.Locale.ROOT));
      }
    }
    List<String> named =
        directory.organisation().members().stream()
            .map(org.baton.directory.Organisation.Member::name)
            .filter(
                name ->
                    java.util.Arrays.stream(name.split("\\s+"))
                        .anyMatch(part -> words.contains(part.toLowerCase(java.util.Locale.ROOT))))
            .toList();
    return BlameHints.in(text, named).stream()
        .map(h -> new LearningReview.Hint(h.phrase(), h.suggestion()))
        .toList();
  }

  /** The open actions a person owns, the overdue first, with their reviews' titles. */
  @Transactional(readOnly = true)
  public List<OwnedAction> openActionsOf(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    List<Long> reviewIds =
        jdbc.sql(
                "select distinct review_id from learning_action where owner_person_id = ?"
                    + " and done_at is null")
            .param(actor.personId())
            .query(Long.class)
            .list();
    List<OwnedAction> owned = new ArrayList<>();
    for (LearningReview review : load(reviewIds)) {
      if (!permissions.maySee(actor, review)) {
        continue;
      }
      review.actions().stream()
          .filter(a -> a.ownerId() == actor.personId() && a.doneAt() == null)
          .forEach(a -> owned.add(new OwnedAction(review.id(), review.title(), a)));
    }
    owned.sort(
        java.util.Comparator.comparing((OwnedAction o) -> !o.action().overdue())
            .thenComparing(o -> o.action().due()));
    return owned;
  }

  /** Actions past their due date on the actor's own reviews, so the author can follow them up. */
  @Transactional(readOnly = true)
  public List<OwnedAction> overdueOnReviewsOf(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    List<Long> reviewIds =
        jdbc.sql(
                "select distinct a.review_id from learning_action a"
                    + " join learning_review r on r.id = a.review_id"
                    + " where r.author_person_id = ? and a.done_at is null and a.due_on < ?")
            .params(actor.personId(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
            .query(Long.class)
            .list();
    List<OwnedAction> overdue = new ArrayList<>();
    for (LearningReview review : load(reviewIds)) {
      review
          .overdueActions()
          .forEach(a -> overdue.add(new OwnedAction(review.id(), review.title(), a)));
    }
    return overdue;
  }

  /** An action and the review it belongs to. */
  public record OwnedAction(long reviewId, String reviewTitle, LearningReview.Action action) {}

  /** The actor's drafts, newest first. */
  @Transactional(readOnly = true)
  public List<LearningReview> draftsOf(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    return load(
        jdbc.sql(
                "select id from learning_review where author_person_id = ? and status = 'DRAFT'"
                    + " order by id desc limit 20")
            .param(actor.personId())
            .query(Long.class)
            .list());
  }

  /** The titles of the decisions a review is about, as the reader may see them. */
  public Map<Long, String> decisionTitles(BatonUser actor, LearningReview review) {
    Map<Long, String> titles = new LinkedHashMap<>();
    for (long id : review.decisionIds()) {
      permissions.decision(actor, id).ifPresent(d -> titles.put(id, d.title()));
    }
    return titles;
  }

  /** Whether any review has been written (the demo writes its own only into an empty library). */
  /**
   * Whether every member may see this review (published, about nothing confidential or restricted);
   * false for one that does not exist.
   */
  public boolean openToEveryMember(long reviewId) {
    return load(List.of(reviewId)).stream().anyMatch(permissions::openToEveryMember);
  }

  /**
   * The decisions that published reviews by this author, published since a moment, are about:
   * whoever owns a record asks which of them were the author's own.
   */
  public List<Long> decisionsReviewedBy(long authorPersonId, Instant since) {
    return jdbc.sql(
            """
            select distinct l.target_id from learning_review r
            join learning_review_link l on l.review_id = r.id and l.kind = 'DECISION'
            where r.author_person_id = ? and r.status = 'PUBLISHED' and r.published_at >= ?
            """)
        .params(authorPersonId, java.sql.Timestamp.from(since))
        .query(Long.class)
        .list();
  }

  /** Of these decisions, those a published review is about. */
  public Set<Long> reviewed(java.util.Collection<Long> decisionIds) {
    if (decisionIds.isEmpty()) {
      return Set.of();
    }
    return new java.util.HashSet<>(
        jdbc.sql(
                """
                select distinct l.target_id from learning_review_link l
                join learning_review r on r.id = l.review_id and r.status = 'PUBLISHED'
                where l.kind = 'DECISION' and l.target_id = any (cast(:ids as bigint[]))
                """)
            .param("ids", decisionIds.toArray(Long[]::new))
            .query(Long.class)
            .list());
  }

  /** How the actions of published reviews due in a period went; see {@link #actionsDue}. */
  public record ActionsDue(long due, long doneOnTime, long doneLate, long overdue) {}

  /**
   * The actions of published reviews due between two days (both included): how many, done by their
   * due date, done later, and still open after it. Only reviews every member may see count, so that
   * no number tells of a review about a confidential decision or a restricted request.
   *
   * @param owners whose actions count, or null for everyone's
   */
  public ActionsDue actionsDue(LocalDate from, LocalDate to, java.util.Collection<Long> owners) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Map<Long, long[]> byReview = new HashMap<>();
    var params = new LinkedHashMap<String, Object>();
    params.put("from", java.sql.Date.valueOf(from));
    params.put("to", java.sql.Date.valueOf(to));
    params.put("today", java.sql.Date.valueOf(today));
    String owned = "";
    if (owners != null) {
      owned = " and a.owner_person_id = any (cast(:owners as bigint[]))";
      params.put("owners", owners.toArray(Long[]::new));
    }
    jdbc.sql(
            """
            select a.review_id, count(*),
                   count(*) filter (where a.done_at is not null
                                      and (a.done_at at time zone 'UTC')::date <= a.due_on),
                   count(*) filter (where a.done_at is not null
                                      and (a.done_at at time zone 'UTC')::date > a.due_on),
                   count(*) filter (where a.done_at is null and a.due_on < :today)
            from learning_action a
            join learning_review r on r.id = a.review_id and r.status = 'PUBLISHED'
            where a.due_on between :from and :to"""
                + owned
                + " group by a.review_id")
        .params(params)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    byReview.put(
                        rs.getLong(1),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
    if (!byReview.isEmpty()) {
      // Reviews about decisions or advice requests are open only as those are: ask for them.
      List<Long> linked =
          jdbc.sql(
                  "select distinct review_id from learning_review_link"
                      + " where review_id = any (cast(:ids as bigint[]))"
                      + " and kind in ('DECISION', 'ADVICE_REQUEST')")
              .param("ids", byReview.keySet().toArray(Long[]::new))
              .query(Long.class)
              .list();
      load(linked).stream()
          .filter(review -> !permissions.openToEveryMember(review))
          .forEach(review -> byReview.remove(review.id()));
    }
    long[] sum = new long[4];
    byReview
        .values()
        .forEach(c -> java.util.stream.IntStream.range(0, 4).forEach(i -> sum[i] += c[i]));
    return new ActionsDue(sum[0], sum[1], sum[2], sum[3]);
  }

  public boolean anyWritten() {
    return jdbc.sql("select exists (select 1 from learning_review)").query(Boolean.class).single();
  }

  /** The contributing factors reviews may name (admins keep the list). */
  public List<String> factorCodes() {
    return jdbc.sql("select code from learning_factor order by label").query(String.class).list();
  }

  /**
   * Which of these reviews the actor may see, reading only what decides it (the author, whether it
   * is published, the decisions and advice requests it names): for search results and similar
   * learnings, which show a few of many and need none of the rest.
   */
  Set<Long> visibleAmong(BatonUser actor, List<Long> ids) {
    Set<Long> visible = new HashSet<>();
    if (ids.isEmpty()) {
      return visible;
    }
    jdbc.sql(
            """
            select r.id, r.author_person_id, r.status = 'PUBLISHED',
                   array(select l.target_id from learning_review_link l
                         where l.review_id = r.id and l.kind = 'DECISION'),
                   array(select l.target_id from learning_review_link l
                         where l.review_id = r.id and l.kind = 'ADVICE_REQUEST')
            from learning_review r where r.id = any(?)
            """)
        .param(ids.toArray(Long[]::new))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  LearningPermissions.Reach reach =
                      new LearningPermissions.Reach(
                          rs.getLong(2),
                          rs.getBoolean(3),
                          ids(rs.getArray(4)),
                          ids(rs.getArray(5)));
                  if (permissions.maySee(actor, reach)) {
                    visible.add(rs.getLong(1));
                  }
                });
    return visible;
  }

  private static List<Long> ids(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
  }

  List<LearningReview> load(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Long[] wanted = ids.toArray(Long[]::new);
    Map<Long, Map<String, List<Long>>> links = new HashMap<>();
    jdbc.sql("select review_id, kind, target_id from learning_review_link where review_id = any(?)")
        .param(wanted)
        .query(
            (rs, n) ->
                links
                    .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                    .add(rs.getLong(3)))
        .list();
    record RawAction(
        long reviewId,
        long id,
        long owner,
        String description,
        LocalDate due,
        Instant doneAt,
        String note) {}
    List<RawAction> actions =
        jdbc.sql(
                "select review_id, id, owner_person_id, description, due_on, done_at, done_note"
                    + " from learning_action where review_id = any(?) order by due_on, id")
            .param(wanted)
            .query(
                (rs, n) ->
                    new RawAction(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        instant(rs.getTimestamp(6)),
                        rs.getString(7)))
            .list();
    record Raw(
        long id,
        long author,
        String title,
        String happened,
        String expected,
        String learned,
        String change,
        List<String> factors,
        List<String> types,
        List<String> perspectives,
        String status,
        Instant created,
        Instant published,
        int helped) {}
    List<Raw> rows =
        jdbc.sql(
                """
                select id, author_person_id, title, what_happened, what_we_expected,
                    what_we_learned, what_we_will_change, factors, decision_types, perspectives,
                    status, created_at, published_at, helped_count
                from learning_review where id = any(?)
                """)
            .param(wanted)
            .query(
                (rs, n) ->
                    new Raw(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        texts(rs.getArray(8)),
                        texts(rs.getArray(9)),
                        texts(rs.getArray(10)),
                        rs.getString(11),
                        instant(rs.getTimestamp(12)),
                        instant(rs.getTimestamp(13)),
                        rs.getInt(14)))
            .list();
    Set<Long> people = new LinkedHashSet<>();
    rows.forEach(r -> people.add(r.author()));
    actions.forEach(a -> people.add(a.owner()));
    Map<Long, String> names = directory.names(people);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Map<Long, LearningReview> byId = new LinkedHashMap<>();
    for (Raw r : rows) {
      Map<String, List<Long>> linked = links.getOrDefault(r.id(), Map.of());
      List<LearningReview.Action> own =
          actions.stream()
              .filter(a -> a.reviewId() == r.id())
              .map(
                  a ->
                      new LearningReview.Action(
                          a.id(),
                          a.owner(),
                          names.get(a.owner()),
                          a.description(),
                          a.due(),
                          a.doneAt(),
                          a.note(),
                          a.doneAt() == null && a.due().isBefore(today)))
              .toList();
      String text =
          String.join("\n", r.title(), r.happened(), r.expected(), r.learned(), r.change());
      byId.put(
          r.id(),
          new LearningReview(
              r.id(),
              r.author(),
              names.get(r.author()),
              r.title(),
              r.happened(),
              r.expected(),
              r.learned(),
              r.change(),
              r.factors(),
              linked.getOrDefault("DECISION", List.of()),
              linked.getOrDefault("INITIATIVE", List.of()),
              linked.getOrDefault("ADVICE_REQUEST", List.of()),
              r.types(),
              r.perspectives(),
              r.status(),
              r.created(),
              r.published(),
              r.helped(),
              own,
              BlameHints.in(text, names.values()).stream()
                  .map(h -> new LearningReview.Hint(h.phrase(), h.suggestion()))
                  .toList()));
    }
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  private void link(long reviewId, String kind, List<Long> targets) {
    for (long target : targets) {
      jdbc.sql("insert into learning_review_link (review_id, kind, target_id) values (?, ?, ?)")
          .params(reviewId, kind, target)
          .update();
    }
  }

  /**
   * Every problem of a draft at once, without saving: the form asks this too when some of what was
   * typed could not even be read, so that one answer names everything to correct.
   */
  public List<FieldProblem> problems(BatonUser actor, ReviewDraft draft) {
    return check(actor, draft, new ArrayList<>());
  }

  /** The problems of a draft; {@code owners} receives each action's owner (null if unknown). */
  private List<FieldProblem> check(BatonUser actor, ReviewDraft draft, List<Long> owners) {
    List<FieldProblem> problems = new ArrayList<>();
    required("title", draft.title(), TextLimits.NAME, problems);
    required("whatHappened", draft.whatHappened(), MAX_TEXT, problems);
    required("whatWeLearned", draft.whatWeLearned(), MAX_TEXT, problems);
    optional("whatWeExpected", draft.whatWeExpected(), MAX_TEXT, problems);
    optional("whatWeWillChange", draft.whatWeWillChange(), MAX_TEXT, problems);
    Set<String> factors = new LinkedHashSet<>(factorCodes());
    draft.factors().stream()
        .filter(f -> !factors.contains(f))
        .forEach(f -> problems.add(new FieldProblem("factors", "Unknown factor: " + f + ".")));
    Set<String> types = new LinkedHashSet<>();
    authority.types().stream().map(DecisionType::code).forEach(types::add);
    draft.decisionTypes().stream()
        .filter(t -> !types.contains(t))
        .forEach(
            t ->
                problems.add(
                    new FieldProblem("decisionTypes", "Unknown decision type: " + t + ".")));
    Set<String> perspectives = new LinkedHashSet<>();
    directory.perspectives().stream().map(Perspective::code).forEach(perspectives::add);
    draft.perspectives().stream()
        .filter(p -> !perspectives.contains(p))
        .forEach(
            p -> problems.add(new FieldProblem("perspectives", "Unknown perspective: " + p + ".")));
    for (long id : draft.decisionIds()) {
      if (!permissions.maySeeDecision(actor, id)) {
        problems.add(new FieldProblem("decisionIds", "No decision " + id + " that you may see."));
      }
    }
    for (long id : draft.adviceRequestIds()) {
      if (!permissions.maySeeAdviceRequest(actor, id)) {
        problems.add(
            new FieldProblem("adviceRequestIds", "No advice request " + id + " that you may see."));
      }
    }
    for (long id : draft.initiativeIds()) {
      try {
        initiatives.find(id);
      } catch (NotFoundException e) {
        problems.add(new FieldProblem("initiativeIds", "No initiative " + id + "."));
      }
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (int i = 0; i < draft.actions().size(); i++) {
      ReviewDraft.ActionDraft action = draft.actions().get(i);
      String field = "actions[" + i + "]";
      try {
        Person owner = directory.resolvePerson(action.owner(), field + ".owner");
        if (!owner.active()) {
          problems.add(new FieldProblem(field + ".owner", owner.name() + " has left."));
        } else if (!permissions.maySeeAllOf(owner, draft.decisionIds(), draft.adviceRequestIds())) {
          // the owner is told of the review and must be able to open it
          problems.add(
              new FieldProblem(
                  field + ".owner", owner.name() + " may not see what this review is about."));
        }
        owners.add(owner.id());
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
        owners.add(null);
      }
      required(
          field + ".description",
          action.description() == null ? "" : action.description().strip(),
          2000,
          problems);
      if (action.due() == null) {
        problems.add(new FieldProblem(field + ".due", "Give a due date."));
      } else if (action.due().isBefore(today)) {
        problems.add(new FieldProblem(field + ".due", "The due date is in the past."));
      }
    }
    return problems;
  }

  private static void required(String field, String value, int max, List<FieldProblem> problems) {
    if (value.isEmpty()) {
      problems.add(new FieldProblem(field, "Fill this in."));
    } else {
      optional(field, value, max, problems);
    }
  }

  private static void optional(String field, String value, int max, List<FieldProblem> problems) {
    if (value.length() > max) {
      problems.add(new FieldProblem(field, "Keep it under " + max + " characters."));
    }
  }

  private static List<String> texts(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
