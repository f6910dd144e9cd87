package org.baton.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.baton.authority.AuthorityPolicy;
import org.baton.authority.AuthorityRule;
import org.baton.authority.DecisionTypeCode;
import org.baton.authority.Holder;
import org.baton.platform.Money;
import org.baton.authority.PersonPosition;

/**
 * A generated organisation and policy for the benchmarks: 100,000 people in 1,110 teams (a tree
 * of 10 divisions, 100 departments, 1,000 teams), 500 decision types (50 areas of 10 types each)
 * and 10,000 rules held by teams, subtrees, team leaders and single people. Seeded: every run
 * builds the same policy and asks the same questions.
 */
final class GeneratedPolicy {

  static final int PEOPLE = 100_000;
  static final int RULES = 10_000;
  static final int QUESTIONS = 4_096;

  record Question(PersonPosition who, DecisionTypeCode type, Money amount) {}

  final List<AuthorityRule> rules = new ArrayList<>();
  final Map<Long, PersonPosition> positions = new HashMap<>();
  final List<String> typeCodes = new ArrayList<>();
  final Question[] questions = new Question[QUESTIONS];
  final AuthorityPolicy policy;
  final Instant at = Instant.parse("2026-11-23T10:00:00Z");

  GeneratedPolicy() {
    Random random = new Random(42);
    // teams: 1..10 divisions, 11..110 departments, 111..1110 teams
    for (long person = 1; person <= PEOPLE; person++) {
      long team = 111 + (person % 1000);
      long department = 11 + ((team - 111) / 10);
      long division = 1 + ((department - 11) / 10);
      List<Long> led = person <= 1110 ? List.of(person) : List.of(); // person n leads team n
      positions.put(person, new PersonPosition(person, true, team, List.of(team, department, division), led));
    }
    for (int area = 0; area < 50; area++) {
      for (int type = 0; type < 10; type++) {
        typeCodes.add("area" + area + ".type" + type);
      }
    }
    for (int i = 0; i < RULES; i++) {
      String code = typeCodes.get(random.nextInt(typeCodes.size()));
      if (i % 10 == 0) {
        code = code.substring(0, code.indexOf('.')); // a tenth of the rules cover a whole area
      }
      Holder holder =
          switch (i % 4) {
            case 0 -> Holder.team(111 + random.nextInt(1000));
            case 1 -> Holder.teamAndSubteams(11 + random.nextInt(100));
            case 2 -> Holder.leaderOf(111 + random.nextInt(1000));
            default -> Holder.person(1 + random.nextInt(PEOPLE));
          };
      int limit = 100 * (1 + random.nextInt(50));
      boolean advice = random.nextInt(3) == 0;
      rules.add(
          new AuthorityRule(
              i + 1, 1, new DecisionTypeCode(code), holder, Money.of(Integer.toString(limit), "EUR"),
              advice ? new BigDecimal(limit / 2) : null, advice ? List.of("finance") : List.of(),
              List.of(), null, null, null, false));
    }
    policy = new AuthorityPolicy(rules, List.of());
    for (int q = 0; q < QUESTIONS; q++) {
      PersonPosition who = positions.get(1L + random.nextInt(PEOPLE));
      questions[q] =
          new Question(
              who,
              new DecisionTypeCode(typeCodes.get(random.nextInt(typeCodes.size()))),
              Money.of(Integer.toString(random.nextInt(6000)), "EUR"));
    }
  }
}
