package org.baton.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The library and similar learnings on a generated corpus (docs/PERFORMANCE.md): 100,000 published
 * reviews and 100,000 report-outs written into Baton's database with a seeded generator (the
 * search vectors are computed by PostgreSQL on each insert, as for the application's own writes),
 * then p50/p95 over loopback of one-word, multi-word, typo and filtered searches and of similar
 * learnings, each against GET /actuator/health in the same run. The check's own answer time is
 * measured before and after the corpus is written.
 *
 * <pre>
 * java ... org.baton.bench.LearningLoad BASE_URL ADMIN_TOKEN JDBC_URL DB_USER DB_PASSWORD [rows] [requests]
 * </pre>
 */
public final class LearningLoad {

  private static final String[] DOMAIN = {
    "goodwill", "credit", "customer", "refund", "delivery", "late", "damaged", "parcel", "tool",
    "burr", "line", "scrap", "shift", "handover", "torque", "supplier", "steel", "invoice",
    "finance", "limit", "counter", "screen", "training", "process", "quality", "inspection",
    "return", "label", "warranty", "repair", "machine", "setting", "change", "maintenance",
    "planning", "stock", "order", "complaint", "courier", "tracking", "voucher", "account",
    "approval", "budget", "forklift", "safety", "audit", "checklist", "drawing", "tolerance"
  };
  private static final String[] SYLLABLES = {
    "ka", "lo", "mi", "ren", "tus", "vo", "pel", "dra", "sin", "qua", "bor", "tem", "lux", "nor",
    "fi", "gal", "hes", "jor", "wyn", "zet"
  };
  private static final String[] TYPES = {
    "customer.goodwill", "customer.refund", "production.stop-line", "production.process-change",
    "purchasing.tools", "finance.write-off"
  };
  private static final String[] PERSPECTIVES = {
    "finance", "quality", "production-engineering", "customer-service", "safety", "legal"
  };
  private static final String[] FACTORS = {
    "information", "process", "tooling", "training", "communication", "customer", "supplier"
  };

  private final Random random = new Random(42);

  /**
   * The vocabulary, most frequent first: 8,000 made-up words with the domain's words placed at
   * ranks 200 to 250, drawn with Zipf's law (frequency proportional to 1 / rank), as words are in
   * real text; so "burr" is in some thousands of the 200,000 texts, not in most of them.
   */
  private final String[] vocabulary = vocabulary();

  private final double[] cumulative = zipf(vocabulary.length);
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String token;
  private final int requests;

  private LearningLoad(String base, String token, int requests) {
    this.base = base;
    this.token = token;
    this.requests = requests;
  }

  public static void main(String[] args) throws Exception {
    int rows = args.length > 5 ? Integer.parseInt(args[5]) : 100_000;
    int requests = args.length > 6 ? Integer.parseInt(args[6]) : 200;
    LearningLoad load = new LearningLoad(args[0], args[1], requests);
    String check = "/api/v1/authority/checks";
    String checkBody =
        "{\"person\": \"henry@example.com\", \"decisionType\": \"customer.goodwill\","
            + " \"amount\": {\"value\": 150, \"currency\": \"EUR\"}}";
    load.measurePost(check, checkBody); // warm-up
    double[] checkBefore = load.measurePost(check, checkBody);
    double[] healthBefore = load.measure("/actuator/health");

    try (Connection db = DriverManager.getConnection(args[2], args[3], args[4])) {
      long started = System.nanoTime();
      load.write(db, rows);
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "wrote %,d reviews and %,d report-outs in %.1f s (%.0f rows/s, index kept on insert)%n",
          rows, rows, seconds, 2 * rows / seconds);
      try (Statement s = db.createStatement()) {
        // What autovacuum does after a bulk of inserts (visibility map, statistics), done now
        // rather than measuring the minutes before it comes round.
        db.setAutoCommit(true);
        s.execute("vacuum analyze learning_review");
        s.execute("vacuum analyze learning_report_out");
        s.execute("vacuum analyze learning_title_word");
        // and the written pages flushed, so that the writing's checkpoint does not fall into the
        // measurements
        s.execute("checkpoint");
        ResultSet sizes =
            s.executeQuery(
                "select pg_size_pretty(pg_relation_size('learning_review_search_idx')"
                    + " + pg_relation_size('learning_report_out_search_idx')),"
                    + " pg_size_pretty(pg_relation_size('learning_review_title_trgm_idx')"
                    + " + pg_relation_size('learning_report_out_title_trgm_idx')),"
                    + " pg_size_pretty(pg_relation_size('learning_review_title_words_idx')"
                    + " + pg_relation_size('learning_report_out_title_words_idx')),"
                    + " pg_size_pretty(pg_total_relation_size('learning_title_word')),"
                    + " pg_size_pretty(pg_total_relation_size('learning_review')"
                    + " + pg_total_relation_size('learning_report_out'))");
        sizes.next();
        System.out.printf(
            "full-text indexes %s, title trigram indexes %s, title words indexes %s,"
                + " title word lists with their indexes %s, both tables with indexes %s%n",
            sizes.getString(1),
            sizes.getString(2),
            sizes.getString(3),
            sizes.getString(4),
            sizes.getString(5));
      }
    }

    Map<String, String> queries = new LinkedHashMap<>();
    queries.put("one word", "/api/v1/learnings?q=burr");
    queries.put("multi-word", "/api/v1/learnings?q=" + enc("late delivery goodwill credit"));
    queries.put("typo in a title", "/api/v1/learnings?q=" + enc("custmer complant"));
    queries.put(
        "filtered",
        "/api/v1/learnings?q=tool&type=production&perspective=quality&factor=tooling");
    queries.put("browse by helped", "/api/v1/learnings?sort=helped&team=1");
    queries.put(
        "similar (check)",
        "/api/v1/learnings/similar?decisionType=customer.goodwill&perspectives=finance&text="
            + enc("Goodwill credit"));
    queries.put(
        "similar (initiative)",
        "/api/v1/learnings/similar?text="
            + enc("Burr on parts after the tool change on line 3, every part is scrap"));
    for (String path : queries.values()) {
      load.measure(path); // warm-up
    }
    double[] health = load.measure("/actuator/health");
    System.out.printf("%-22s %9s %9s %9s%n", "endpoint", "p50 (ms)", "p95 (ms)", "p95/base");
    System.out.printf("%-22s %9.2f %9.2f %9s%n", "health (baseline)", health[0], health[1], "1.00");
    for (Map.Entry<String, String> q : queries.entrySet()) {
      double[] t = load.measure(q.getValue());
      System.out.printf(
          "%-22s %9.2f %9.2f %9.2f%n", q.getKey(), t[0], t[1], t[1] / health[1]);
    }
    double[] checkAfter = load.measurePost(check, checkBody);
    System.out.printf(
        "check answer p95 before the corpus %.2f ms (health %.2f), after %.2f ms (health %.2f)%n",
        checkBefore[1], healthBefore[1], checkAfter[1], health[1]);
  }

  private void write(Connection db, int rows) throws Exception {
    List<Long> people = new ArrayList<>();
    List<Long> teams = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      ResultSet rs = s.executeQuery("select id from person where active");
      while (rs.next()) {
        people.add(rs.getLong(1));
      }
      rs = s.executeQuery("select id from team");
      while (rs.next()) {
        teams.add(rs.getLong(1));
      }
    }
    db.setAutoCommit(false);
    Instant now = Instant.now();
    try (PreparedStatement review =
            db.prepareStatement(
                "insert into learning_review (author_person_id, title, what_happened,"
                    + " what_we_expected, what_we_learned, what_we_will_change, factors,"
                    + " decision_types, perspectives, team_ids, status, created_at, published_at,"
                    + " helped_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?)");
        PreparedStatement post =
            db.prepareStatement(
                "insert into learning_report_out (author_person_id, title, body, tags, team_ids,"
                    + " published_at, helped_count) values (?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        Timestamp at = Timestamp.from(now.minusSeconds(random.nextInt(3 * 365 * 86_400)));
        review.setLong(1, pick(people));
        review.setString(2, title());
        review.setString(3, text(60));
        review.setString(4, text(15));
        review.setString(5, text(40));
        review.setString(6, text(20));
        review.setArray(7, db.createArrayOf("text", some(FACTORS, 2)));
        review.setArray(8, db.createArrayOf("text", some(TYPES, 1)));
        review.setArray(9, db.createArrayOf("text", some(PERSPECTIVES, 2)));
        review.setArray(10, db.createArrayOf("bigint", new Long[] {pick(teams)}));
        review.setTimestamp(11, at);
        review.setTimestamp(12, at);
        review.setInt(13, random.nextInt(20));
        review.addBatch();
        post.setLong(1, pick(people));
        post.setString(2, title());
        post.setString(3, text(120));
        post.setArray(4, db.createArrayOf("text", some(DOMAIN, 3)));
        post.setArray(5, db.createArrayOf("bigint", new Long[] {pick(teams)}));
        post.setTimestamp(6, at);
        post.setInt(7, random.nextInt(20));
        post.addBatch();
        if (i % 1_000 == 999) {
          review.executeBatch();
          post.executeBatch();
          db.commit();
        }
      }
      review.executeBatch();
      post.executeBatch();
      db.commit();
    }
  }

  private String title() {
    return text(4 + random.nextInt(5));
  }

  private String text(int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(word());
    }
    return text.toString();
  }

  private String word() {
    int at = Arrays.binarySearch(cumulative, random.nextDouble());
    return vocabulary[Math.min(vocabulary.length - 1, at < 0 ? -at - 1 : at)];
  }

  private static String[] vocabulary() {
    List<String> words = new ArrayList<>();
    for (String a : SYLLABLES) {
      for (String b : SYLLABLES) {
        for (String c : SYLLABLES) {
          words.add(a + b + c);
        }
      }
    }
    java.util.Collections.shuffle(words, new Random(7));
    words.addAll(200, Arrays.asList(DOMAIN));
    return words.toArray(String[]::new);
  }

  private static double[] zipf(int n) {
    double[] cumulative = new double[n];
    double sum = 0;
    for (int rank = 1; rank <= n; rank++) {
      sum += 1.0 / rank;
      cumulative[rank - 1] = sum;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= sum;
    }
    return cumulative;
  }

  private String[] some(String[] values, int max) {
    int n = 1 + random.nextInt(max);
    java.util.LinkedHashSet<String> chosen = new java.util.LinkedHashSet<>();
    while (chosen.size() < n) {
      chosen.add(pick(values));
    }
    return chosen.toArray(String[]::new);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** p50 and p95 in milliseconds of {@code requests} sequential calls. */
  private double[] measure(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    return time(request);
  }

  private double[] measurePost(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return time(request);
  }

  private double[] time(HttpRequest request) throws Exception {
    long[] nanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      nanos[i] = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
      }
    }
    Arrays.sort(nanos);
    return new double[] {nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.95)] / 1e6};
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
