package org.baton.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import org.baton.platform.PageKey;

/**
 * Long lists read by key (docs/PERFORMANCE.md): 1,000,000 decisions, 120,000 initiatives, 120,000
 * advice requests with Sam on every panel, 120,000 report-outs and 120,000 contributions to one
 * dialogue round are written into Baton's database by PostgreSQL itself; then p50/p95 over loopback
 * of page 1 and of page 5,000 (20 a page: after the 99,980th row) of each list, signed in as Sam,
 * against GET /actuator/health in the same run. For contrast, the decision record's page 5,000 as
 * it was read before (a count, then an offset) is timed in the database.
 *
 * <pre>
 * java ... org.baton.bench.PagingLoad BASE_URL ADMIN_TOKEN JDBC_URL DB_USER DB_PASSWORD
 *     [decisions] [others] [requests]
 * </pre>
 */
public final class PagingLoad {

  private static final int PAGE = 20;
  private static final int DEEP_PAGE = 5_000;

  public static void main(String[] args) throws Exception {
    int decisions = args.length > 5 ? Integer.parseInt(args[5]) : 1_000_000;
    int others = args.length > 6 ? Integer.parseInt(args[6]) : 120_000;
    int requests = args.length > 7 ? Integer.parseInt(args[7]) : 300;
    int deepRow = (DEEP_PAGE - 1) * PAGE; // the last row of page 4,999
    String[][] lists;
    try (Connection db = DriverManager.getConnection(args[2], args[3], args[4])) {
      db.setAutoCommit(false);
      long started = System.nanoTime();
      long sam = id(db, "select id from person where email = 'sam@example.com'");
      long round = id(db, "select min(id) from strategy_round");
      write(db, decisions, others, sam, round);
      db.commit();
      System.out.printf(
          "wrote %,d decisions and %,d each of initiatives, advice requests, report-outs and"
              + " contributions in %.1f s%n",
          decisions, others, (System.nanoTime() - started) / 1e9);
      long last = id(db, "select max(seq) from decision");
      while (id(db, "select last_seq from decision_record_cursor where follower = 'insights'") < last) {
        Thread.sleep(500);
        db.commit();
      }
      db.setAutoCommit(true);
      for (String table :
          new String[] {
            "decision", "initiative", "advice_request", "advice_panel_member",
            "learning_report_out", "learning_review", "strategy_contribution"
          }) {
        exec(db, "vacuum analyze " + table);
      }
      String decisionKey =
          PageKey.of(id(db, "select seq from decision order by seq desc offset " + (deepRow - 1)))
              .encoded();
      String initiativeKey =
          key(
              db,
              "select last_activity_at, id from initiative"
                  + " order by last_activity_at desc, id desc offset " + (deepRow - 1));
      String adviceKey =
          key(
              db,
              "select r.status = 'OPEN', r.created_at, r.id from advice_request r"
                  + " where r.asker_person_id = " + sam + " or exists (select 1 from"
                  + " advice_panel_member m where m.request_id = r.id and m.person_id = " + sam
                  + ") order by r.status = 'OPEN' desc, r.created_at desc, r.id desc offset "
                  + (deepRow - 1));
      String feedKey =
          key(
              db,
              "select at, id, kind from (select r.published_at at, r.id, 'review' kind from"
                  + " learning_review r where r.status = 'PUBLISHED' union all select"
                  + " o.published_at, o.id, 'report-out' from learning_report_out o) f"
                  + " order by at desc, id desc, kind desc offset " + (deepRow - 1));
      String contributionKey =
          key(
              db,
              "select support_count, id from strategy_contribution where round_id = " + round
                  + " order by support_count desc, id desc offset " + (deepRow - 1));
      lists =
          new String[][] {
            {"decisions (API, everyone's)", "/api/v1/decisions?scope=all&size=20", decisionKey},
            {"decisions (page)", "/decisions?scope=all", decisionKey},
            {"initiatives (API)", "/api/v1/initiatives?scope=all&size=20", initiativeKey},
            {"initiatives (page)", "/initiatives?scope=all", initiativeKey},
            {"advice requests on Sam's panel (API)", "/api/v1/advice-requests?size=20", adviceKey},
            {"learning feed (page)", "/learning/feed?", feedKey},
            {
              "contributions to a round (API)",
              "/api/v1/dialogues/" + round + "/contributions?sort=SUPPORT&size=20",
              contributionKey
            },
          };
      // what page 5,000 of the record cost before: a count of the whole list, then an offset
      double[] before = new double[5];
      for (int i = 0; i < before.length; i++) {
        long start = System.nanoTime();
        id(db, "select count(*) from decision");
        id(
            db,
            "select count(*) from (select * from decision d order by d.seq desc limit 20 offset "
                + deepRow + ") p");
        before[i] = (System.nanoTime() - start) / 1e6;
      }
      java.util.Arrays.sort(before);
      System.out.printf(
          "before: the record's page 5,000 by count and offset, in the database: median %.1f ms%n",
          before[before.length / 2]);
    }

    LoopbackSession session = new LoopbackSession(args[0], args[1], requests);
    session.signIn("sam@example.com", "baton-demo");
    session.warm("/actuator/health", true);
    double[] health = session.measure("/actuator/health", true);
    System.out.printf(
        "%-40s %9s %9s %9s %9s %9s%n",
        "list", "p50 p1", "p95 p1", "p50 p5000", "p95 p5000", "p95 ratio");
    System.out.printf("%-40s %9.2f %9.2f%n", "health (baseline)", health[0], health[1]);
    for (String[] list : lists) {
      boolean api = list[1].startsWith("/api/");
      String accept = api ? "application/json" : "text/html";
      String deep = list[1] + (list[1].endsWith("?") ? "" : "&") + "after=" + list[2];
      for (int i = 0; i < 30; i++) {
        session.send(list[1], false, accept);
        session.send(deep, false, accept);
      }
      double[] first = session.measure(list[1], false, accept);
      double[] far = session.measure(deep, false, accept);
      System.out.printf(
          "%-40s %9.2f %9.2f %9.2f %9.2f %9.2f%n",
          list[0], first[0], first[1], far[0], far[1], far[1] / first[1]);
    }
  }

  private static void write(Connection db, int decisions, int others, long sam, long round)
      throws Exception {
    exec(
        db,
        "create temporary table bench_people as select row_number() over (order by id) n, id"
            + " from person where active");
    long people = id(db, "select count(*) from bench_people");
    long base = id(db, "select coalesce(max(seq), 0) from decision");
    String someone = " join bench_people p on p.n = 1 + (g * 7919) % " + people;
    exec(
        db,
        "insert into decision (seq, kind, decided_at, decider_person_id, decision_type, title,"
            + " reason, verdict, authority, confidential, prev_hash, hash) select " + base
            + " + g, 'DECISION', now() - (g || ' seconds')::interval, p.id, (select code from decision_type order by code limit 1),"
            + " 'Bench decision ' || g, 'Generated', 'WITHIN_AUTHORITY', 'bench', false, '',"
            + " 'bench-' || g from generate_series(1::bigint, " + decisions + ") g" + someone);
    exec(
        db,
        "insert into initiative (title, leader_person_id, created_by_person_id, created_at,"
            + " last_activity_at) select 'Bench initiative ' || g, p.id, p.id,"
            + " now() - (g || ' minutes')::interval, now() - (g || ' seconds')::interval"
            + " from generate_series(1::bigint, " + others + ") g" + someone);
    exec(
        db,
        "insert into advice_request (asker_person_id, question, deadline, status, created_at)"
            + " select p.id, 'Bench question ' || g, now() + interval '3 days',"
            + " case when g % 20 = 0 then 'OPEN' else 'CLOSED' end,"
            + " now() - (g || ' seconds')::interval from generate_series(1::bigint, " + others
            + ") g" + someone);
    exec(
        db,
        "insert into advice_panel_member (request_id, person_id, request_open, asked_at)"
            + " select id, " + sam + ", status = 'OPEN', created_at from advice_request where question like 'Bench question %' on conflict do nothing");
    exec(
        db,
        "insert into learning_report_out (author_person_id, title, body, published_at)"
            + " select p.id, 'Bench report-out ' || g, 'What we learned, generated.',"
            + " now() - (g || ' seconds')::interval from generate_series(1::bigint, " + others
            + ") g" + someone);
    exec(
        db,
        "insert into strategy_contribution (round_id, author_person_id, kind, body, created_at,"
            + " support_count) select " + round + ", p.id, 'IDEA', 'Bench idea ' || g,"
            + " now() - (g || ' seconds')::interval, (g * 31) % 50"
            + " from generate_series(1::bigint, " + others + ") g" + someone);
  }

  private static String key(Connection db, String sql) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql + " limit 1")) {
      rs.next();
      Object[] values = new Object[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < values.length; i++) {
        Object value = rs.getObject(i + 1);
        values[i] = value instanceof Timestamp t ? t.toInstant() : value;
      }
      return PageKey.of(values).encoded();
    }
  }

  private static void exec(Connection db, String sql) throws Exception {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
    }
  }

  private static long id(Connection db, String sql) throws Exception {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql + (sql.contains(" offset ") ? " limit 1" : ""))) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
