package org.baton.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Random;

/**
 * A large dialogue round and a long key figure (docs/PERFORMANCE.md): a round of 10,000
 * contributions in 5 themes with 50,000 supports and 20,000 comments, and a figure with ten years
 * of daily values, written into Baton's database with a seeded generator (the kept counts as the
 * application keeps them); then p50/p95 over loopback of the round's page (signed in as Sam) and
 * its API list (first page, sorted by support, filtered by theme), and of the figure's chart data,
 * each against GET /actuator/health in the same run.
 *
 * <pre>
 * java ... org.baton.bench.StrategyLoad BASE_URL ADMIN_TOKEN JDBC_URL DB_USER DB_PASSWORD [requests]
 * </pre>
 */
public final class StrategyLoad {

  private static final int CONTRIBUTIONS = 10_000;
  private static final int SUPPORTS = 50_000;
  private static final int COMMENTS = 20_000;
  private static final int DAYS = 3_653;

  private final Random random = new Random(42);
  private final LoopbackSession session;

  private StrategyLoad(String base, String token, int requests) {
    this.session = new LoopbackSession(base, token, requests);
  }

  public static void main(String[] args) throws Exception {
    int requests = args.length > 5 ? Integer.parseInt(args[5]) : 300;
    StrategyLoad load = new StrategyLoad(args[0], args[1], requests);
    long round;
    long theme;
    long figure;
    long started = System.nanoTime();
    try (Connection db = DriverManager.getConnection(args[2], args[3], args[4])) {
      db.setAutoCommit(false);
      long[] made = load.round(db);
      round = made[0];
      theme = made[1];
      figure = load.figure(db);
      db.commit();
      try (Statement s = db.createStatement()) {
        s.execute("analyze");
      }
      db.commit();
    }
    System.out.printf(
        "wrote %,d contributions, %,d supports, %,d comments and %,d daily values in %.1f s%n",
        CONTRIBUTIONS, SUPPORTS, COMMENTS, DAYS, (System.nanoTime() - started) / 1e9);

    load.session.signIn("sam@example.com", "baton-demo");
    load.warm(round, theme, figure);
    double[] health = load.session.measure("/actuator/health", true);
    double[] page = load.session.measure("/dialogues/" + round + "?sort=SUPPORT&theme=" + theme, false);
    double[] pageAll = load.session.measure("/dialogues/" + round, false);
    double[] api =
        load.session.measure(
            "/api/v1/dialogues/" + round + "/contributions?sort=SUPPORT&theme=" + theme, true);
    double[] apiNewest =
        load.session.measure("/api/v1/dialogues/" + round + "/contributions?sort=NEWEST", true);
    double[] chart = load.session.measure("/api/v1/figures/" + figure + "/chart", true);
    System.out.printf("%-34s %9s %9s %9s%n", "endpoint", "p50 (ms)", "p95 (ms)", "p95/base");
    print("health (baseline)", health, health);
    print("round page, by support, one theme", page, health);
    print("round page, all themes", pageAll, health);
    print("API list, by support, one theme", api, health);
    print("API list, newest", apiNewest, health);
    print("figure chart, 10 years daily", chart, health);
  }

  private static void print(String what, double[] t, double[] base) {
    System.out.printf("%-34s %9.2f %9.2f %9.2f%n", what, t[0], t[1], t[1] / base[1]);
  }

  /** The round, its themes, contributions, supports and comments; returns the round and a theme. */
  private long[] round(Connection db) throws Exception {
    long sam = id(db, "select id from person where email = 'sam@example.com'");
    long[] people = people(db);
    long round;
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into strategy_round (title, description, opened_by_person_id, leader_ids,"
                + " opened_at, contributions_close_on, answers_due_on)"
                + " values ('Benchmark round', 'Generated', ?, ?, now(), ?, ?) returning id")) {
      s.setLong(1, sam);
      s.setArray(2, db.createArrayOf("bigint", new Long[] {sam}));
      s.setObject(3, LocalDate.now().plusDays(30));
      s.setObject(4, LocalDate.now().plusDays(60));
      round = single(s);
    }
    long[] themes = new long[5];
    for (int t = 0; t < themes.length; t++) {
      try (PreparedStatement s =
          db.prepareStatement(
              "insert into strategy_theme (round_id, name) values (?, ?) returning id")) {
        s.setLong(1, round);
        s.setString(2, "Theme " + t);
        themes[t] = single(s);
      }
    }
    long[] contributions = new long[CONTRIBUTIONS];
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into strategy_contribution (round_id, author_person_id, kind, body, theme_id,"
                + " created_at) values (?, ?, ?, ?, ?, now() - make_interval(secs => ?))"
                + " returning id")) {
      for (int i = 0; i < CONTRIBUTIONS; i++) {
        s.setLong(1, round);
        s.setLong(2, people[random.nextInt(people.length)]);
        s.setString(3, new String[] {"IDEA", "CONCERN", "QUESTION"}[i % 3]);
        s.setString(4, "Contribution " + i + ": we could change how step " + random.nextInt(500) + " works.");
        s.setLong(5, themes[i % themes.length]);
        s.setInt(6, CONTRIBUTIONS - i);
        contributions[i] = single(s);
      }
    }
    // supports drawn with a skew (a few contributions gather many), one per person and contribution
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into strategy_support (contribution_id, person_id, supported_at)"
                + " values (?, ?, now()) on conflict do nothing")) {
      for (int i = 0; i < SUPPORTS; i++) {
        int c = (int) (Math.pow(random.nextDouble(), 3) * CONTRIBUTIONS);
        s.setLong(1, contributions[c]);
        s.setLong(2, people[random.nextInt(people.length)]);
        s.addBatch();
        if (i % 5_000 == 4_999) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into strategy_comment (contribution_id, author_person_id, body, created_at)"
                + " values (?, ?, ?, now())")) {
      for (int i = 0; i < COMMENTS; i++) {
        s.setLong(1, contributions[random.nextInt(CONTRIBUTIONS)]);
        s.setLong(2, people[random.nextInt(people.length)]);
        s.setString(3, "Comment " + i);
        s.addBatch();
        if (i % 5_000 == 4_999) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
    // the counts the application keeps with each support and comment
    try (PreparedStatement s =
        db.prepareStatement(
            """
            update strategy_contribution c set
                support_count = (select count(*) from strategy_support s where s.contribution_id = c.id),
                comment_count = (select count(*) from strategy_comment m where m.contribution_id = c.id)
            where c.round_id = ?
            """)) {
      s.setLong(1, round);
      s.executeUpdate();
    }
    return new long[] {round, themes[2]};
  }

  private long figure(Connection db) throws Exception {
    long figure;
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into strategy_figure (name, unit, description, target, visibility, created_at,"
                + " changed_at) values ('Benchmark daily output', 'parts', '', 1000, 'EVERYONE',"
                + " now(), now()) returning id")) {
      figure = single(s);
    }
    try (PreparedStatement s =
        db.prepareStatement(
            "insert into strategy_figure_value (figure_id, on_date, value, comment, by_name,"
                + " entered_at) values (?, ?, ?, '', 'benchmark', now())")) {
      LocalDate first = LocalDate.now().minusDays(DAYS);
      for (int d = 0; d < DAYS; d++) {
        s.setLong(1, figure);
        s.setObject(2, first.plusDays(d));
        s.setBigDecimal(3, java.math.BigDecimal.valueOf(900 + random.nextInt(200)));
        s.addBatch();
      }
      s.executeBatch();
    }
    return figure;
  }

  private long[] people(Connection db) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select id from person where active order by id")) {
      java.util.List<Long> ids = new java.util.ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
      return ids.stream().mapToLong(Long::longValue).toArray();
    }
  }

  private void warm(long round, long theme, long figure) throws Exception {
    for (String path :
        new String[] {
          "/dialogues/" + round + "?sort=SUPPORT&theme=" + theme,
          "/api/v1/dialogues/" + round + "/contributions?sort=SUPPORT&theme=" + theme,
          "/api/v1/figures/" + figure + "/chart"
        }) {
      for (int i = 0; i < 30; i++) {
        session.send(path, path.startsWith("/api/"));
      }
    }
  }

  /** p50 and p95 in milliseconds of {@code requests} sequential calls. */
  private static long single(PreparedStatement s) throws Exception {
    try (ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long id(Connection db, String sql) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

}
