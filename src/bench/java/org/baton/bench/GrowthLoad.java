package org.baton.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Growth at scale (docs/PERFORMANCE.md): 10,000 people, 500 decision types each limited by a rule,
 * and 1,000,000 decisions over the last year (1% of them reversed) written into Baton's database by
 * PostgreSQL itself (generate_series, seeded), then
 *
 * <ul>
 *   <li>a full recomputation of every track record (POST /api/v1/authority/growth/rebuild: reads
 *       the whole record, rebuilds the day buckets, assesses every record with enough decisions),
 *       against one full scan of the same decisions (count and sum) in the same run;
 *   <li>p50/p95 over loopback of a busy clerk's track-record page (Jakub, ~2,000 decisions in ten
 *       types, signed in) and his team leader's view of it, against GET /actuator/health.
 * </ul>
 *
 * The server runs with the follower paused (BATON_GROWTH_POLL=PT1H), so that the rebuild is timed
 * alone.
 *
 * <pre>
 * java ... org.baton.bench.GrowthLoad BASE_URL ADMIN_TOKEN JDBC_URL DB_USER DB_PASSWORD [people]
 *     [types] [decisions] [requests]
 * </pre>
 */
public final class GrowthLoad {

  public static void main(String[] args) throws Exception {
    int people = args.length > 5 ? Integer.parseInt(args[5]) : 10_000;
    int types = args.length > 6 ? Integer.parseInt(args[6]) : 500;
    int decisions = args.length > 7 ? Integer.parseInt(args[7]) : 1_000_000;
    int requests = args.length > 8 ? Integer.parseInt(args[8]) : 300;
    LoopbackSession load = new LoopbackSession(args[0], args[1], requests);
    long jakub;
    double scan;
    try (Connection db = DriverManager.getConnection(args[2], args[3], args[4])) {
      db.setAutoCommit(false);
      long started = System.nanoTime();
      jakub = write(db, people, types, decisions);
      db.commit();
      try (Statement s = db.createStatement()) {
        s.execute("analyze");
      }
      db.commit();
      System.out.printf(
          "wrote %,d people, %,d decision types and rules, %,d decisions in %.1f s%n",
          people, types, decisions, (System.nanoTime() - started) / 1e9);
      scan = bestOf(3, () -> scan(db));
    }
    // a directory change through the API, so that the server's caches see the generated people
    load.post(
        "/api/v1/people",
        "{\"email\":\"bench-new@example.com\",\"name\":\"Bench New\",\"title\":\"\"}");

    double rebuild = bestOf(3, () -> (Object) load.post("/api/v1/authority/growth/rebuild", "{}"));
    System.out.printf("%-44s %9s %9s%n", "full recomputation", "s", "/scan");
    System.out.printf("%-44s %9.2f %9s%n", "one scan of the decisions (baseline)", scan, "1.00");
    System.out.printf("%-44s %9.2f %9.1f%n", "rebuild of every track record", rebuild, rebuild / scan);
    // What autovacuum would do after a rebuild's 700,000 fresh rows, done now, so that it does not
    // run in the middle of the page's timing (it did once: p95 twice the usual).
    try (Connection db = DriverManager.getConnection(args[2], args[3], args[4]);
        Statement s = db.createStatement()) {
      s.execute("vacuum analyze growth_record");
    }

    load.signIn("jakub@example.com", "baton-demo");
    String page = "/people/" + jakub + "/track-record";
    load.warm(page, false);
    double[] health = load.measure("/actuator/health", true);
    double[] own = load.measure(page, false);
    LoopbackSession leader = new LoopbackSession(args[0], args[1], requests);
    leader.signIn("maria@example.com", "baton-demo");
    leader.warm(page, false);
    double[] led = leader.measure(page, false);
    System.out.printf("%-44s %9s %9s %9s%n", "endpoint", "p50 (ms)", "p95 (ms)", "p95/base");
    print("health (baseline)", health, health);
    print("own track record page (busy clerk)", own, health);
    print("the same, read by his team leader", led, health);
  }

  /** People, types with one rule each, decisions and reversals; returns Jakub's id. */
  private static long write(Connection db, int people, int types, int decisions) throws Exception {
    long maria = id(db, "select id from person where email = 'maria@example.com'");
    long jakub = id(db, "select id from person where email = 'jakub@example.com'");
    long team = id(db, "select id from team where name = 'Service Desk'");
    exec(
        db,
        "insert into person (email, name, title, team_id) select 'bench-' || g || '@example.com',"
            + " 'Bench Person ' || g, 'Clerk', " + team + " from generate_series(1, " + people + ") g");
    exec(
        db,
        "insert into decision_type (code, name, description, carries_amount, confidential)"
            + " select 'bench.t' || lpad(g::text, 3, '0'), 'Bench type ' || g, '', true, false"
            + " from generate_series(0, " + (types - 1) + ") g");
    // one rule per type for everyone, up to 1,000 EUR, owned by Maria
    exec(
        db,
        "create temporary table bench_rule on commit drop as select g, nextval(pg_get_serial_sequence("
            + "'authority_rule', 'id')) as id from generate_series(0, " + (types - 1) + ") g");
    exec(db, "insert into authority_rule (id, current_version) overriding system value select id, 1 from bench_rule");
    exec(
        db,
        "insert into authority_rule_version (rule_id, version, decision_type, holder_kind,"
            + " limit_amount, currency, owner_person_id, changed_by, change_reason)"
            + " select id, 1, 'bench.t' || lpad(g::text, 3, '0'), 'EVERYONE', 1000, 'EUR', " + maria
            + ", 'bench', 'Benchmark' from bench_rule");
    long base = id(db, "select coalesce(max(seq), 0) from decision");
    // decisions over the last year; one in 500 is Jakub's, in ten of the types
    exec(
        db,
        "with p as (select array_agg(id order by id) a, count(*) n from person where email like"
            + " 'bench-%'), r as (select array_agg(id order by g) a from bench_rule)"
            + " insert into decision (seq, kind, decided_at, decider_person_id, decision_type, title,"
            + " reason, amount, currency, verdict, rule_id, rule_version, authority, confidential,"
            + " prev_hash, hash)"
            + " select " + base + " + g, 'DECISION', now() - (((g * 7919) % 365) || ' days')::interval,"
            + " case when g % 500 = 0 then " + jakub + " else p.a[1 + ((g * 104729) % p.n)::int] end,"
            + " 'bench.t' || lpad(t::text, 3, '0'), 'Bench decision', 'Generated',"
            + " 1 + (g * 31) % 1000, 'EUR', 'WITHIN_AUTHORITY', r.a[t::int + 1], 1, 'bench', false,"
            + " '', 'bench-' || g"
            + " from p, r, generate_series(1::bigint, " + decisions + ") g,"
            + " lateral (select case when g % 500 = 0 then (g / 500) % 10 else (g * 13) % " + types
            + " end as t) tt");
    exec(
        db,
        "insert into decision (seq, kind, refers_to, decided_at, decider_person_id, decision_type,"
            + " title, reason, verdict, authority, confidential, prev_hash, hash)"
            + " select " + (base + decisions) + " + row_number() over (), 'REVERSAL', id, now(),"
            + " decider_person_id, decision_type, 'Reversed', 'Generated', 'WITHIN_AUTHORITY',"
            + " 'bench', false, '', 'bench-r' || id from decision where seq > " + base
            + " and seq % 100 = 7");
    return jakub;
  }

  private static double scan(Connection db) throws Exception {
    long start = System.nanoTime();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select count(*), sum(amount) from decision")) {
      rs.next();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  interface Timed {
    Object run() throws Exception;
  }

  /** The shortest of n runs, in seconds: the machine is noisy, the work is the same. */
  private static double bestOf(int n, Timed work) throws Exception {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      Object result = work.run();
      double took = (System.nanoTime() - start) / 1e9;
      best = Math.min(best, result instanceof Double d ? d : took);
    }
    return best;
  }

  private static void print(String what, double[] t, double[] base) {
    System.out.printf("%-44s %9.2f %9.2f %9.2f%n", what, t[0], t[1], t[1] / base[1]);
  }

  private static void exec(Connection db, String sql) throws Exception {
    try (Statement s = db.createStatement()) {
      s.execute(sql);
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
