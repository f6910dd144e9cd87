package org.baton.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a checked import in one transaction, in batches: either every row is in, or none is.
 * People are matched by e-mail (updated and reactivated if they exist), teams by name.
 */
@Component
class ImportStore {

  static final int BATCH = 1000;

  record Summary(int peopleCreated, int peopleUpdated, int teamsCreated) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final PersonRepository people;
  private final PerspectiveRepository perspectives;
  private final ApplicationEventPublisher events;

  ImportStore(
      JdbcClient jdbc,
      JdbcTemplate template,
      PersonRepository people,
      PerspectiveRepository perspectives,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.template = template;
    this.people = people;
    this.perspectives = perspectives;
    this.events = events;
  }

  /**
   * @param progress told how many people rows have been written so far
   */
  @Transactional
  public Summary write(ImportPlan plan, IntConsumer progress) {
    // Serialise imports, so that two at once cannot both create the same team.
    jdbc.sql("lock table team in share row exclusive mode").update();

    for (String name : plan.newTeams()) {
      jdbc.sql("insert into team (name) values (?)").param(name).update();
    }
    Map<String, Long> teamIds = new HashMap<>();
    jdbc.sql("select id, name from team")
        .query((rs, n) -> teamIds.put(ImportFilePolicy.key(rs.getString(2)), rs.getLong(1)))
        .list();
    List<Object[]> parentUpdates = new ArrayList<>();
    plan.teamParents()
        .forEach(
            (team, parent) ->
                parentUpdates.add(
                    new Object[] {teamIds.get(ImportFilePolicy.key(parent)), teamIds.get(team)}));
    template.batchUpdate(
        "update team set parent_id = ?, active = true, updated_at = now() where id = ?",
        parentUpdates);

    Set<String> perspectiveNames = new LinkedHashSet<>();
    plan.people().forEach(row -> perspectiveNames.addAll(row.perspectives()));
    Map<String, Long> perspectiveIds = new HashMap<>();
    perspectives.findOrCreate(perspectiveNames).forEach(p -> perspectiveIds.put(p.code(), p.id()));

    Set<String> existing = existingEmails(plan);
    List<Long> ids = new ArrayList<>();
    List<ImportPlan.Row> rows = plan.people();
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<ImportPlan.Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
      ids.addAll(upsert(batch, teamIds, perspectiveIds));
      progress.accept(from + batch.size());
    }

    List<Object[]> leaderUpdates = new ArrayList<>();
    plan.leaders()
        .forEach((team, email) -> leaderUpdates.add(new Object[] {email, teamIds.get(team)}));
    template.batchUpdate(
        "update team set leader_id = (select id from person where email = ?) where id = ?",
        leaderUpdates);
    for (int from = 0; from < ids.size(); from += BATCH * 5) {
      people.refreshSearchText(ids.subList(from, Math.min(ids.size(), from + BATCH * 5)));
    }
    events.publishEvent(new DirectoryChanged());
    int updated = existing.size();
    return new Summary(rows.size() - updated, updated, plan.newTeams().size());
  }

  private Set<String> existingEmails(ImportPlan plan) {
    String[] emails = plan.people().stream().map(ImportPlan.Row::email).toArray(String[]::new);
    return Set.copyOf(
        jdbc.sql("select email from person where email = any (?)")
            .param(emails)
            .query(String.class)
            .list());
  }

  private List<Long> upsert(
      List<ImportPlan.Row> batch, Map<String, Long> teamIds, Map<String, Long> perspectiveIds) {
    template.batchUpdate(
        """
        insert into person (email, name, title, team_id, location, phone, active)
        values (?, ?, ?, ?, ?, ?, true)
        on conflict (email) do update
           set name = excluded.name, title = excluded.title, team_id = excluded.team_id,
               location = excluded.location, phone = excluded.phone, active = true,
               updated_at = now()
        """,
        batch.stream()
            .map(
                row ->
                    new Object[] {
                      row.email(),
                      row.name(),
                      row.title(),
                      teamIds.get(ImportFilePolicy.key(row.team())),
                      row.location(),
                      row.phone()
                    })
            .toList());
    Map<String, Long> idsByEmail = new HashMap<>();
    jdbc.sql("select id, email from person where email = any (?)")
        .param(batch.stream().map(ImportPlan.Row::email).toArray(String[]::new))
        .query((rs, n) -> idsByEmail.put(rs.getString(2), rs.getLong(1)))
        .list();
    Long[] ids = idsByEmail.values().toArray(Long[]::new);
    jdbc.sql("delete from person_perspective where person_id = any (?)").param(ids).update();
    List<Object[]> links = new ArrayList<>();
    for (ImportPlan.Row row : batch) {
      for (String perspective : row.perspectives()) {
        links.add(
            new Object[] {
              idsByEmail.get(row.email()), perspectiveIds.get(Perspective.codeFor(perspective))
            });
      }
    }
    template.batchUpdate(
        "insert into person_perspective (person_id, perspective_id) values (?, ?)"
            + " on conflict do nothing",
        links);
    return List.of(ids);
  }
}
