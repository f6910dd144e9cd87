package org.baton.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.identity.BatonUser;
import org.baton.learning.LibraryStore.Found;
import org.baton.learning.LibraryStore.Where;
import org.baton.platform.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The library: full-text search over published reviews and report-outs, ranked (the title weighs
 * most, then what we learned or the body, then the rest; English stemming), tolerant of typos and
 * partial words in titles (trigrams), with the matching words highlighted; narrowed by decision
 * type, perspective, team, factor and date; sorted by relevance, date or how often it helped. A
 * reader finds only reviews they may see.
 */
@Service
public class LearningLibrary {

  /** One result: what it is, its title and a snippet as safe HTML with {@code <mark>}s. */
  @Schema(name = "LearningSearchResult")
  public record Result(
      String kind,
      long id,
      String titleHtml,
      String snippetHtml,
      double rank,
      Instant publishedAt,
      int helpedCount) {

    public String ref() {
      return kind + "-" + id;
    }

    public String path() {
      return "review".equals(kind) ? "/learning/reviews/" + id : "/report-outs/" + id;
    }
  }

  /**
   * What a reader asks for. Decision type, perspective and factor belong to reviews only, so naming
   * one leaves report-outs out.
   *
   * @param type a decision type code; its sub-types match too
   * @param sort {@code relevance} (the default with words), {@code date} (without), or {@code
   *     helped}
   */
  public record Query(
      String text,
      String type,
      String perspective,
      Long team,
      String factor,
      LocalDate from,
      LocalDate to,
      String sort) {

    public Query {
      text = text == null ? "" : text.strip();
      type = TextRules.orNull(type);
      perspective = TextRules.orNull(perspective);
      factor = TextRules.orNull(factor);
      sort = sort == null || sort.isBlank() ? (text.isEmpty() ? "date" : "relevance") : sort;
    }

    public static Query of(String text) {
      return new Query(text, null, null, null, null, null, null, null);
    }

    boolean reviewsOnly() {
      return type != null || perspective != null || factor != null;
    }

    /**
     * Whether a filter beyond the words and dates narrows the matches to a fraction (a type, a
     * perspective, a factor, a team): those few are ranked in full straight away.
     */
    boolean narrowed() {
      return reviewsOnly() || team != null;
    }

    boolean isEmpty() {
      return text.isEmpty()
          && type == null
          && perspective == null
          && team == null
          && factor == null
          && from == null
          && to == null;
    }
  }

  static final int PAGE = 20;

  /** Ranked in the database before the reader's visibility leaves at most {@link #PAGE}. */
  static final int CANDIDATES = PAGE * 3;

  private static final String START = "\u0001";
  private static final String STOP = "\u0002";

  private final LibraryStore store;
  private final LearningReviews reviews;
  private final AuthorityAdministration authority;

  LearningLibrary(LibraryStore store, LearningReviews reviews, AuthorityAdministration authority) {
    this.store = store;
    this.reviews = reviews;
    this.authority = authority;
  }

  @Transactional(readOnly = true)
  public List<Result> search(BatonUser actor, String query) {
    return search(actor, Query.of(query));
  }

  /**
   * The best matches first (or the newest, or the most helpful), at most 20, in three steps: rank
   * in the database, keep what the reader may see, then write highlights for those rows alone
   * (headlines cost more than ranking).
   *
   * <p>Ranked by relevance, a query whose words are in the titles of more than {@link #CANDIDATES}
   * learnings ranks those alone: a match in the title outranks one elsewhere (the title weighs
   * most, and the typo measure compares the title), and ranking every text that has a common word
   * somewhere would read thousands of rows for a page of twenty. Any other query, and one narrowed
   * by a filter, ranks all its matches.
   */
  @Transactional(readOnly = true)
  public List<Result> search(BatonUser actor, Query query) {
    store.planForTheseWords();
    String[] types = query.type() == null ? null : typeAndBelow(query.type());
    List<Found> found;
    if (!query.text().isEmpty() && query.sort().equals("relevance") && !query.narrowed()) {
      found = store.ranked(query, Where.TITLES, types, CANDIDATES);
      if (found.size() < CANDIDATES) {
        found = store.ranked(query, Where.ANYWHERE, types, CANDIDATES);
      }
    } else {
      found = store.ranked(query, Where.ANYWHERE, types, CANDIDATES);
    }
    return highlighted(query, visibleOnly(actor, found));
  }

  /**
   * The page's rows with their highlights, ranked again by the whole text: the head chose them
   * cheaply, the whole text (a page of rows now) orders them as its weights say.
   */
  private List<Result> highlighted(Query query, List<Found> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    boolean words = !query.text().isEmpty();
    Map<String, Found> byRef = new HashMap<>();
    page.forEach(f -> byRef.put(f.kind() + "-" + f.id(), f));
    return store.headlines(query, page, START, STOP).stream()
        .map(
            h -> {
              Found found = byRef.get(h.kind() + "-" + h.id());
              return new Result(
                  found.kind(),
                  found.id(),
                  marked(h.title()),
                  marked(h.snippet()),
                  words ? h.rank() : found.rank(),
                  found.at(),
                  found.helped());
            })
        .sorted(order(query.sort()))
        .toList();
  }

  /** The query's order for the page, by the final rank. */
  private static Comparator<Result> order(String sort) {
    Comparator<Result> newest =
        Comparator.comparing(Result::publishedAt).thenComparingLong(Result::id).reversed();
    Comparator<Result> best = Comparator.comparingDouble(Result::rank).reversed();
    return switch (sort) {
      case "date" -> newest;
      case "helped" ->
          Comparator.comparingInt(Result::helpedCount)
              .reversed()
              .thenComparing(best)
              .thenComparing(newest);
      default -> best.thenComparing(newest);
    };
  }

  /** Drops the reviews the reader may not see (a confidential decision's, say); at most a page. */
  private List<Found> visibleOnly(BatonUser actor, List<Found> found) {
    Set<Long> visibleReviews =
        reviews.visibleAmong(
            actor, found.stream().filter(f -> f.kind().equals("review")).map(Found::id).toList());
    return found.stream()
        .filter(f -> !f.kind().equals("review") || visibleReviews.contains(f.id()))
        .limit(PAGE)
        .toList();
  }

  /** The type and every type below it (a filter on customer finds customer.goodwill). */
  private String[] typeAndBelow(String type) {
    List<String> codes = new ArrayList<>(List.of(type));
    authority.types().stream()
        .map(DecisionType::code)
        .filter(code -> code.startsWith(type + "."))
        .forEach(codes::add);
    return codes.toArray(String[]::new);
  }

  /** Escapes the text, then turns the search's markers into {@code <mark>} elements. */
  static String marked(String headline) {
    return HtmlUtils.htmlEscape(headline == null ? "" : headline)
        .replace(START, "<mark>")
        .replace(STOP, "</mark>");
  }
}
