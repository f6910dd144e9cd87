package org.baton.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Insights at scale (docs/PERFORMANCE.md): 10,000 people in 100 teams, 1,000,000 decisions over the
 * last year (a tenth decided by holders on request, 1% reversed), 5,000,000 checks, 100,000
 * initiatives and 100,000 advice requests written into Baton's database by PostgreSQL itself; the
 * insights follower then counts the decision record as it would as decisions arrive (its catch-up
 * is timed), and p50/p95 of every insights page and API over loopback are measured against GET
 * /actuator/health in the same run; and the home of a person with 1,000 waiting items.
 *
 * <p>What the event listeners keep (one row per initiative decided, advice given and closed,
 * request answered, lead taken, hand-over) and the just-exceeded counts the check log keeps are
 * written as they would have written them, from the generated work; the pages read only those.
 *
 * <pre>
 * java ... org.baton.bench.InsightsLoad BASE_URL ADMIN_TOKEN JDBC_URL DB_USER DB_PASSWORD [people]
 *     [decisions] [checks] [initiatives] [adviceRequests] [requests]
 * </pre>
 */
public final class InsightsLoad {

  private static final int TEAMS = 100;
  private static final int TYPES = 50;

  public static void main(String[] args) throws Exception {
    int people = args.length > 5 ? Integer.parseInt(args[5]) : 10_000;
    int decisions = args.length > 6 ? Integer.parseInt(args[6]) : 1_000_000;
    int checks = args.length > 7 ? Integer.parseInt(args[7]) : 5_000_000;
    int initiatives = args.length > 8 ? Integer.parseInt(args[8]) : 100_000;
    int advice = args.length > 9 ? Integer.parseInt(args[9]) : 100_000;
    int requests = args.length > 10 ? Integer.parseInt(args[10]) : 300;
    LoopbackSession load = new LoopbackSession(args[0], args[1], requests);
    long firstTeam;
    try (Connection db = DriverManager.getConnection(args[2], args[3], args[4])) {
      db.setAutoCommit(false);
      long started = System.nanoTime();
      firstTeam = organisation(db, people);
      db.commit();
      // a directory change through the API, so that the server's caches see the generated people
      load.post(
          "/api/v1/people",
          "{\"email\":\"bench-new@example.com\",\"name\":\"Bench New\",\"title\":\"\"}");
      work(db, decisions, checks, initiatives, advice);
      db.commit();
      exec(db, "analyze");
      db.commit();
      System.out.printf(
          "wrote %,d people in %d teams, %,d decisions, %,d checks, %,d initiatives, %,d advice"
              + " requests in %.1f s%n",
          people, TEAMS, decisions, checks, initiatives, advice,
          (System.nanoTime() - started) / 1e9);
      long caughtUp = System.nanoTime();
      long last = id(db, "select max(seq) from decision");
      while (id(db, "select last_seq from decision_record_cursor where follower = 'insights'") < last) {
        Thread.sleep(500);
      }
      System.out.printf(
          "the insights follower counted the record (%,d entries) in %.1f s%n",
          last, (System.nanoTime() - caughtUp) / 1e9);
      db.commit();
      db.setAutoCommit(true);
      // what autovacuum does after a bulk write, done now so that it does not run during timing
      for (String table :
          new String[] {
            "insights_decision_day", "insights_decision_month", "insights_leader_year",
            "insights_duration", "insights_lead", "insights_handover", "insights_reversal",
            "authority_rule_just_exceeded", "authority_request", "advice_request",
            "advice_panel_member"
          }) {
        exec(db, "vacuum analyze " + table);
      }
    }

    String year = "?from=" + java.time.LocalDate.now().minusMonths(12);
    String team = "&team=" + firstTeam;
    String[][] pages = {
      {"insights page, six months, everyone", "/insights", "page"},
      {"insights page, twelve months, one team", "/insights" + year + team, "page"},
      {"a team's own page", "/insights/teams/" + firstTeam, "page"},
      {"where decisions are made, twelve months", "/api/v1/insights/where-decisions-are-made" + year, "api"},
      {"how fast, twelve months", "/api/v1/insights/how-fast" + year, "api"},
      {"who leads, twelve months", "/api/v1/insights/leadership-spread" + year, "api"},
      {"where work waits, twelve months", "/api/v1/insights/bottlenecks" + year, "api"},
      {"learning and alignment, twelve months", "/api/v1/insights/learning-and-alignment" + year, "api"},
      {"how fast, twelve months, one team", "/api/v1/insights/how-fast" + year + team, "api"},
    };
    load.signIn("sam@example.com", "baton-demo");
    load.warm("/actuator/health", true);
    double[] health = load.measure("/actuator/health", true);
    System.out.printf("%-48s %9s %9s %9s%n", "endpoint", "p50 (ms)", "p95 (ms)", "p95/base");
    print("health (baseline)", health, health);
    for (String[] page : pages) {
      boolean api = page[2].equals("api");
      load.warm(page[1], api);
      print(page[0], load.measure(page[1], api), health);
    }
    LoopbackSession maria = new LoopbackSession(args[0], args[1], requests);
    maria.signIn("maria@example.com", "baton-demo");
    maria.warm("/", false);
    print("home with 1,000 waiting items (Maria)", maria.measure("/", false), health);
    print(
        "her agenda as JSON, signed in",
        maria.measure("/api/v1/me/agenda", false, "application/json"),
        health);
  }

  /** 100 teams under Leadership, each led by its first person; returns the first team's id. */
  private static long organisation(Connection db, int people) throws Exception {
    long leadership = id(db, "select id from team where name = 'Leadership'");
    exec(
        db,
        "insert into team (name, parent_id) select 'Bench team ' || g, " + leadership
            + " from generate_series(0, " + (TEAMS - 1) + ") g");
    exec(
        db,
        "insert into person (email, name, title, team_id) select 'bench-' || g || '@example.com',"
            + " 'Bench Person ' || g, 'Clerk', (select id from team where name = 'Bench team ' || (g % "
            + TEAMS + ")) from generate_series(0, " + (people - 1) + ") g");
    exec(
        db,
        "update team t set leader_id = p.id from person p where t.name like 'Bench team %'"
            + " and p.email = 'bench-' || substr(t.name, 12) || '@example.com'");
    exec(
        db,
        "insert into decision_type (code, name, description, carries_amount, confidential)"
            + " select 'bench.t' || lpad(g::text, 2, '0'), 'Bench type ' || g, '', true, false"
            + " from generate_series(0, " + (TYPES - 1) + ") g");
    long maria = id(db, "select id from person where email = 'maria@example.com'");
    exec(
        db,
        "create table bench_rule as select g, nextval(pg_get_serial_sequence("
            + "'authority_rule', 'id')) as id from generate_series(0, " + (TYPES - 1) + ") g");
    exec(db, "insert into authority_rule (id, current_version) overriding system value select id, 1 from bench_rule");
    exec(
        db,
        "insert into authority_rule_version (rule_id, version, decision_type, holder_kind,"
            + " limit_amount, currency, owner_person_id, changed_by, change_reason)"
            + " select id, 1, 'bench.t' || lpad(g::text, 2, '0'), 'EVERYONE', 1000, 'EUR', " + maria
            + ", 'bench', 'Benchmark' from bench_rule");
    return id(db, "select id from team where name = 'Bench team 0'");
  }

  private static void work(Connection db, int decisions, int checks, int initiatives, int advice)
      throws Exception {
    exec(
        db,
        "create temporary table bench_people as select row_number() over (order by id) n, id,"
            + " team_id from person where email like 'bench-%@example.com' and email <> 'bench-new@example.com'");
    long people = id(db, "select count(*) from bench_people");
    long base = id(db, "select coalesce(max(seq), 0) from decision");
    String person = "(select id from bench_people where n = 1 + ((%s) %% " + people + "))";
    // decisions over the last year; one in ten decided by a holder on someone's request; one in
    // twenty with learnings shown
    exec(
        db,
        "insert into decision (seq, kind, decided_at, decider_person_id, requested_by_person_id,"
            + " decision_type, title, reason, amount, currency, verdict, rule_id, rule_version,"
            + " authority, confidential, prev_hash, hash, learnings_shown, learnings_acknowledged)"
            + " select " + base + " + g, 'DECISION', now() - (((g * 7919) % 365) || ' days')::interval"
            + " - (((g * 13) % 86400) || ' seconds')::interval, p.id,"
            + " case when g % 10 = 0 then q.id end, 'bench.t' || lpad(((g * 13) % " + TYPES
            + ")::text, 2, '0'), 'Bench decision', 'Generated', 1 + (g * 31) % 1000, 'EUR',"
            + " 'WITHIN_AUTHORITY', (select id from bench_rule where g = (gs.g * 13) % " + TYPES
            + "), 1, 'bench', false, '', 'bench-' || g,"
            + " case when g % 20 = 0 then '{review-1}'::text[] else '{}' end,"
            + " case when g % 40 = 0 then '{review-1}'::text[] else '{}' end"
            + " from generate_series(1::bigint, " + decisions + ") gs(g)"
            + " join bench_people p on p.n = 1 + (gs.g * 104729) % " + people
            + " join bench_people q on q.n = 1 + (gs.g * 7727) % " + people);
    exec(
        db,
        "insert into decision (seq, kind, refers_to, decided_at, decider_person_id, decision_type,"
            + " title, reason, verdict, authority, confidential, prev_hash, hash)"
            + " select " + (base + decisions) + " + row_number() over (), 'REVERSAL', id, decided_at"
            + " + interval '1 day', decider_person_id, decision_type, 'Reversed', 'Generated',"
            + " 'WITHIN_AUTHORITY', 'bench', false, '', 'bench-r' || id from decision where seq > "
            + base + " and seq % 100 = 7");
    // checks: one in twenty just above the limit of 1,000 EUR, counted per day, rule, team and
    // type as the check log counts them
    exec(
        db,
        "insert into authority_check_log (person_id, decision_type, amount, currency, context,"
            + " verdict, checked_at) select p.id, 'bench.t' || lpad(((g * 17) % " + TYPES
            + ")::text, 2, '0'), case when g % 20 = 0 then 1001 + g % 249 else 1 + g % 1000 end,"
            + " 'EUR', '{}', case when g % 20 = 0 then 'OUTSIDE_AUTHORITY' else 'WITHIN_AUTHORITY'"
            + " end, now() - (((g * 7919) % 365) || ' days')::interval"
            + " from generate_series(1::bigint, " + checks + ") g"
            + " join bench_people p on p.n = 1 + (g * 104729) % " + people);
    exec(
        db,
        "insert into authority_rule_just_exceeded (day, rule_id, team_id, decision_type, checks)"
            + " select (c.checked_at at time zone 'UTC')::date, r.id, p.team_id, c.decision_type,"
            + " count(*) from authority_check_log c join person p on p.id = c.person_id"
            + " join bench_rule r on 'bench.t' || lpad(r.g::text, 2, '0') = c.decision_type"
            + " where c.verdict = 'OUTSIDE_AUTHORITY' group by 1, 2, 3, 4");
    // requests to holders: one for every decision decided on request, 2% still open
    exec(
        db,
        "insert into authority_request (requester_person_id, holder_person_id, decision_type,"
            + " title, reason, amount, currency, status, created_at, answered_at)"
            + " select requested_by_person_id, decider_person_id, decision_type, 'Bench request',"
            + " 'Generated', amount, currency, case when seq % 50 = 0 then 'OPEN' else 'APPROVED'"
            + " end, decided_at - ((seq % 72) || ' hours')::interval,"
            + " case when seq % 50 = 0 then null else decided_at end from decision where seq > "
            + base + " and requested_by_person_id is not null"
            + " and requested_by_person_id <> decider_person_id");
    // advice requests: 5% open, each with three on its panel
    exec(
        db,
        "insert into advice_request (asker_person_id, question, deadline, decision_type, status,"
            + " created_at, first_advice_at, closed_at) select p.id, 'Bench question ' || g,"
            + " now() + interval '3 days', 'bench.t' || lpad((g % " + TYPES + ")::text, 2, '0'),"
            + " case when g % 20 = 0 then 'OPEN' else 'CLOSED' end,"
            + " now() - (((g * 7919) % 365) || ' days')::interval,"
            + " case when g % 20 = 0 then null else now() - (((g * 7919) % 365) || ' days')::interval"
            + " + ((g % 48) || ' hours')::interval end,"
            + " case when g % 20 = 0 then null else now() - (((g * 7919) % 365) || ' days')::interval"
            + " + ((g % 96) + 48 || ' hours')::interval end"
            + " from generate_series(1::bigint, " + advice + ") g"
            + " join bench_people p on p.n = 1 + (g * 104729) % " + people);
    exec(
        db,
        "insert into advice_panel_member (request_id, person_id, request_open, asked_at)"
            + " select r.id, p.id, r.status = 'OPEN', r.created_at"
            + " from advice_request r cross join generate_series(1, 3) k"
            + " join bench_people p on p.n = 1 + ((r.id * 31 + k * 7) % " + people + ")"
            + " where r.question like 'Bench question %' on conflict do nothing");
    // Maria's home: 500 requests and 500 asks for advice waiting for her
    exec(
        db,
        "insert into authority_request (requester_person_id, holder_person_id, decision_type,"
            + " title, reason, created_at) select p.id, (select id from person where email ="
            + " 'maria@example.com'), 'bench.t00', 'Bench request for Maria ' || g, 'Generated',"
            + " now() - (g || ' minutes')::interval from generate_series(1, 500) g"
            + " join bench_people p on p.n = 1 + g");
    exec(
        db,
        "insert into advice_panel_member (request_id, person_id, request_open, asked_at)"
            + " select r.id, (select id from person where email = 'maria@example.com'),"
            + " r.status = 'OPEN', r.created_at from advice_request r"
            + " where r.status = 'OPEN' and r.question like 'Bench question %' order by r.id limit 500"
            + " on conflict do nothing");
    // what the event listeners keep: one row per thing measured, leads and hand-overs
    exec(
        db,
        "insert into insights_duration (measure, item_id, team_id, decision_type, ended_at, seconds)"
            + " select 'holder-request.answered', r.id, p.team_id, r.decision_type, r.answered_at,"
            + " extract(epoch from r.answered_at - r.created_at)::bigint from authority_request r"
            + " join person p on p.id = r.requester_person_id where r.answered_at is not null"
            + " on conflict do nothing");
    exec(
        db,
        "insert into insights_duration (measure, item_id, team_id, decision_type, ended_at, seconds)"
            + " select m.code, r.id, p.team_id, r.decision_type, m.ended,"
            + " extract(epoch from m.ended - r.created_at)::bigint from advice_request r"
            + " join person p on p.id = r.asker_person_id, lateral (values"
            + " ('advice.first-advice', r.first_advice_at), ('advice.closed', r.closed_at)) m(code, ended)"
            + " where m.ended is not null on conflict do nothing");
    exec(
        db,
        "insert into insights_duration (measure, item_id, team_id, decision_type, ended_at, seconds)"
            + " select 'initiative.decided', 1000000000 + g, p.team_id, 'bench.t' || lpad((g % " + TYPES
            + ")::text, 2, '0'), now() - (((g * 7919) % 365) || ' days')::interval,"
            + " (g * 7727) % (14 * 86400) from generate_series(1::bigint, " + initiatives + ") g"
            + " join bench_people p on p.n = 1 + (g * 104729) % " + people);
    exec(
        db,
        "insert into insights_lead (month, team_id, person_id, initiative_id)"
            + " select date_trunc('month', now() - (((g * 7919) % 365) || ' days')::interval)::date,"
            + " p.team_id, p.id, 1000000000 + g from generate_series(1::bigint, " + initiatives + ") g"
            + " join bench_people p on p.n = 1 + (g * 104729) % " + people
            + " on conflict do nothing");
    exec(
        db,
        "insert into insights_leader_year as y (year, team_id, person_id, led_months)"
            + " select extract(year from month)::int, team_id, person_id,"
            + " bit_or(1 << (extract(month from month)::int - 1)) from insights_lead group by 1, 2, 3"
            + " on conflict (year, team_id, person_id)"
            + " do update set led_months = y.led_months | excluded.led_months");
    exec(
        db,
        "insert into insights_handover (initiative_id, at, team_id)"
            + " select 1000000000 + g, now() - (((g * 7919) % 365) || ' days')::interval, p.team_id"
            + " from generate_series(1::bigint, " + initiatives + ", 5) g"
            + " join bench_people p on p.n = 1 + (g * 7727) % " + people);
    exec(db, "drop table bench_rule");
  }

  private static void print(String what, double[] t, double[] base) {
    System.out.printf("%-48s %9.2f %9.2f %9.2f%n", what, t[0], t[1], t[1] / base[1]);
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
