package org.baton.advice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.baton.platform.Markdown;

/**
 * The advice side by side by perspective: what each adviser says now, stances counted, conditions
 * listed, open objections, perspectives nobody has covered, who has not answered, and how long the
 * first advice took.
 */
public record Synthesis(
    Map<String, List<Line>> byPerspective,
    Map<Stance, Integer> stances,
    List<Line> conditions,
    List<Line> objections,
    List<String> uncovered,
    List<String> notAnswered,
    @Schema(nullable = true) Duration timeToFirstAdvice) {

  /** One adviser's current advice; {@code reasonsHtml} is the reasons' Markdown, made safe. */
  public record Line(
      String name,
      Stance stance,
      String reasons,
      String reasonsHtml,
      String conditions,
      boolean volunteered,
      int revision) {}

  static final String VOLUNTEERED = "volunteered";
  static final String AFFECTED_TEAMS = "affected teams";

  static Synthesis of(
      AdviceRequest request,
      List<AdviceGiven> current,
      Function<Long, String> names,
      Function<Long, List<String>> perspectivesOf) {
    Map<String, List<Line>> byPerspective = new LinkedHashMap<>();
    request.perspectives().forEach(p -> byPerspective.put(p, new ArrayList<>()));
    Map<Stance, Integer> stances = new EnumMap<>(Stance.class);
    List<Line> conditions = new ArrayList<>();
    List<Line> objections = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    for (AdviceGiven advice : current) {
      Line line =
          new Line(
              names.apply(advice.adviserId()),
              advice.stance(),
              advice.reasons(),
              Markdown.toSafeHtml(advice.reasons()),
              advice.conditions(),
              advice.volunteered(),
              advice.revision());
      String column = column(request, advice.adviserId(), perspectivesOf);
      byPerspective.computeIfAbsent(column, k -> new ArrayList<>()).add(line);
      stances.merge(advice.stance(), 1, Integer::sum);
      if (!advice.conditions().isBlank()) {
        conditions.add(line);
      }
      if (advice.stance() == Stance.OBJECTION) {
        objections.add(line);
      }
      if (advice.stance() != Stance.NO_OPINION) {
        covered.add(column);
        covered.addAll(perspectivesOf.apply(advice.adviserId()));
      }
    }
    List<String> uncovered =
        request.perspectives().stream().filter(p -> !covered.contains(p)).toList();
    List<String> notAnswered =
        request.panel().stream()
            .filter(m -> current.stream().noneMatch(a -> a.adviserId() == m.personId()))
            .map(m -> names.apply(m.personId()))
            .toList();
    Duration first =
        request.firstAdviceAt() == null
            ? null
            : Duration.between(request.createdAt(), request.firstAdviceAt());
    return new Synthesis(
        byPerspective, stances, conditions, objections, uncovered, notAnswered, first);
  }

  /**
   * Where an adviser's advice stands: under the perspective they were asked for; someone added by
   * hand or who volunteered, under the first perspective asked that they have (Felix, a controller,
   * under finance), else with the affected teams or the volunteers.
   */
  private static String column(
      AdviceRequest request, long adviserId, Function<Long, List<String>> perspectivesOf) {
    AdviceRequest.PanelMember member =
        request.panel().stream().filter(m -> m.personId() == adviserId).findFirst().orElse(null);
    if (member != null && member.perspective() != null) {
      return member.perspective();
    }
    List<String> own = perspectivesOf.apply(adviserId);
    return request.perspectives().stream()
        .filter(own::contains)
        .findFirst()
        .orElse(member == null ? VOLUNTEERED : AFFECTED_TEAMS);
  }
}
