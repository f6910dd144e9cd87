package org.baton.bench;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.baton.authority.AuthorityRule;
import org.baton.authority.PersonPosition;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same generated policy as a DMN decision table (hit policy COLLECT, one row per rule),
 * evaluated by Apache KIE's DMN engine; the most favourable of the collected grants is then
 * chosen as Baton does. The baseline for {@link AuthorityCheckBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@Threads(1)
public class DmnCheckBenchmark {

  private GeneratedPolicy generated;
  private DMNRuntime runtime;
  private DMNModel model;
  private int next;

  @Setup
  public void compile() {
    generated = new GeneratedPolicy();
    Resource resource = ResourceFactory.newReaderResource(new StringReader(dmn(generated.rules)));
    resource.setSourcePath("policy.dmn");
    runtime =
        DMNRuntimeBuilder.fromDefaults()
            .buildConfiguration()
            .fromResources(List.of(resource))
            .getOrElseThrow(RuntimeException::new);
    model = runtime.getModels().get(0);
    // The two must answer alike, or the comparison means nothing.
    for (int i = 0; i < 500; i++) {
      GeneratedPolicy.Question q = generated.questions[i];
      String baton =
          generated.policy
              .evaluate(q.who(), q.type(), q.amount(), Map.of(), generated.at, generated.positions::get)
              .verdict()
              .name();
      Object dmn = check();
      if (!baton.equals(dmn)) {
        throw new IllegalStateException("Question " + i + ": Baton " + baton + ", DMN " + dmn);
      }
    }
    next = 0;
  }

  @Benchmark
  public Object check() {
    GeneratedPolicy.Question q = generated.questions[next++ & (GeneratedPolicy.QUESTIONS - 1)];
    DMNContext context = runtime.newContext();
    context.set("typePath", q.type().selfAndAncestors());
    context.set("holderKeys", holderKeys(q.who()));
    context.set("amount", q.amount().value());
    DMNResult result = runtime.evaluateAll(model, context);
    return mostFavourable(result.getDecisionResultByName("grants").getResult(), q.amount().value());
  }

  /** What a person is, in the terms the table's holder column tests. */
  static List<String> holderKeys(PersonPosition who) {
    List<String> keys = new ArrayList<>();
    keys.add("person:" + who.personId());
    keys.add("team:" + who.teamId());
    who.teamPath().forEach(t -> keys.add("subtree:" + t));
    who.ledTeams().forEach(t -> keys.add("leader:" + t));
    keys.add("everyone");
    return keys;
  }

  @SuppressWarnings("unchecked")
  static Object mostFavourable(Object collected, BigDecimal amount) {
    if (!(collected instanceof List<?> grants) || grants.isEmpty()) {
      return "OUTSIDE_AUTHORITY";
    }
    Map<String, Object> best = null;
    boolean bestFree = false;
    for (Object g : grants) {
      Map<String, Object> grant = (Map<String, Object>) g;
      BigDecimal threshold = (BigDecimal) grant.get("threshold");
      boolean free = threshold == null || amount.compareTo(threshold) <= 0;
      if (best == null
          || (free && !bestFree)
          || (free == bestFree
              && ((BigDecimal) grant.get("limit")).compareTo((BigDecimal) best.get("limit")) > 0)) {
        best = grant;
        bestFree = free;
      }
    }
    return bestFree ? "WITHIN_AUTHORITY" : "NEEDS_ADVICE";
  }

  static String dmn(List<AuthorityRule> rules) {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"")
        .append(" id=\"policy\" name=\"policy\" namespace=\"https://baton.example/policy\">\n")
        .append(input("typePath", "Any"))
        .append(input("holderKeys", "Any"))
        .append(input("amount", "number"))
        .append("<decision id=\"d_grants\" name=\"grants\"><variable name=\"grants\" typeRef=\"Any\"/>\n")
        .append(requirement("typePath"))
        .append(requirement("holderKeys"))
        .append(requirement("amount"))
        .append("<decisionTable id=\"dt\" hitPolicy=\"COLLECT\">\n")
        .append(column("typePath", "Any"))
        .append(column("holderKeys", "Any"))
        .append(column("amount", "number"))
        .append("<output id=\"o_rule\" name=\"rule\" typeRef=\"number\"/>\n")
        .append("<output id=\"o_threshold\" name=\"threshold\" typeRef=\"number\"/>\n")
        .append("<output id=\"o_limit\" name=\"limit\" typeRef=\"number\"/>\n");
    for (AuthorityRule rule : rules) {
      long id = rule.id();
      x.append("<rule id=\"r").append(id).append("\">")
          .append(entry("t", id, "list contains(?, \"" + rule.type().value() + "\")"))
          .append(entry("h", id, "list contains(?, \"" + holderKey(rule) + "\")"))
          .append(entry("a", id, "&lt;= " + rule.limit().value().toPlainString()))
          .append(output("or", id, Long.toString(id)))
          .append(output("ot", id, rule.adviceThreshold() == null ? "null" : rule.adviceThreshold().toPlainString()))
          .append(output("ol", id, rule.limit().value().toPlainString()))
          .append("</rule>\n");
    }
    return x.append("</decisionTable></decision></definitions>\n").toString();
  }

  private static String holderKey(AuthorityRule rule) {
    return switch (rule.holder().kind()) {
      case PERSON -> "person:" + rule.holder().personId();
      case TEAM -> "team:" + rule.holder().teamId();
      case TEAM_AND_SUBTEAMS -> "subtree:" + rule.holder().teamId();
      case TEAM_LEADER -> "leader:" + rule.holder().teamId();
      case EVERYONE -> "everyone";
      case ROLE -> "role:" + rule.holder().roleId();
    };
  }

  private static String input(String name, String type) {
    return "<inputData id=\"i_" + name + "\" name=\"" + name + "\"><variable name=\"" + name
        + "\" typeRef=\"" + type + "\"/></inputData>\n";
  }

  private static String requirement(String name) {
    return "<informationRequirement id=\"req_" + name + "\"><requiredInput href=\"#i_" + name
        + "\"/></informationRequirement>\n";
  }

  private static String column(String name, String type) {
    return "<input id=\"c_" + name + "\" label=\"" + name + "\"><inputExpression id=\"e_" + name
        + "\" typeRef=\"" + type + "\"><text>" + name + "</text></inputExpression></input>\n";
  }

  private static String entry(String kind, long id, String text) {
    return "<inputEntry id=\"" + kind + id + "\"><text>" + text + "</text></inputEntry>";
  }

  private static String output(String kind, long id, String text) {
    return "<outputEntry id=\"" + kind + id + "\"><text>" + text + "</text></outputEntry>";
  }
}
