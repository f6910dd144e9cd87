package org.baton.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.platform.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PersonRepository {

  private static final String SELECT =
      """
      select p.id, p.email, p.name, p.title, p.team_id, t.name as team_name,
             p.location, p.phone, p.active
        from person p
        left join team t on t.id = p.team_id
      """;

  private final JdbcClient jdbc;

  PersonRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Person> findById(long id) {
    return withPerspectives(jdbc.sql(SELECT + " where p.id = ?").param(id).query(this::row).list())
        .stream()
        .findFirst();
  }

  Optional<Person> findByEmail(String email) {
    return withPerspectives(
            jdbc.sql(SELECT + " where p.email = ?")
                .param(Email.normalise(email))
                .query(this::row)
                .list())
        .stream()
        .findFirst();
  }

  /**
   * Active people whose name, title or perspectives contain every word of the query. The trigram
   * index serves the {@code like} filters; exact name prefixes come first.
   */
  PageOf<Person> search(SearchQuery query, int page, int size) {
    StringBuilder where = new StringBuilder(" where p.active");
    List<Object> params = new ArrayList<>();
    for (String word : query.words()) {
      where.append(" and p.search_text like ? escape '\\'");
      params.add("%" + SearchQuery.escapeLike(word) + "%");
    }
    long total =
        jdbc.sql("select count(*) from person p" + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(SearchQuery.escapeLike(query.text()) + "%");
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<Person> people =
        jdbc.sql(
                SELECT
                    + where
                    + " order by lower(p.name) like ? escape '\\' desc, lower(p.name), p.id"
                    + " limit ? offset ?")
            .params(pageParams)
            .query(this::row)
            .list();
    return new PageOf<>(withPerspectives(people), page, size, total);
  }

  PageOf<Person> allActive(int page, int size) {
    long total = countActive();
    List<Person> people =
        jdbc.sql(SELECT + " where p.active order by lower(p.name), p.id limit ? offset ?")
            .params(size, (long) page * size)
            .query(this::row)
            .list();
    return new PageOf<>(withPerspectives(people), page, size, total);
  }

  PageOf<Person> activeMembersOf(long teamId, int page, int size) {
    long total =
        jdbc.sql("select count(*) from person where team_id = ? and active")
            .param(teamId)
            .query(Long.class)
            .single();
    List<Person> people =
        jdbc.sql(
                SELECT
                    + " where p.team_id = ? and p.active"
                    + " order by lower(p.name), p.id limit ? offset ?")
            .params(teamId, size, (long) page * size)
            .query(this::row)
            .list();
    return new PageOf<>(withPerspectives(people), page, size, total);
  }

  boolean emailTakenByOther(String email, Long exceptId) {
    return jdbc.sql("select count(*) from person where email = ? and id <> ?")
            .params(Email.normalise(email), exceptId == null ? -1L : exceptId)
            .query(Long.class)
            .single()
        > 0;
  }

  long insert(PersonDraft draft) {
    return jdbc.sql(
            """
            insert into person (email, name, title, team_id, location, phone)
            values (?, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            draft.email(),
            draft.name(),
            draft.title(),
            draft.teamId(),
            draft.location(),
            draft.phone())
        .query(Long.class)
        .single();
  }

  void update(long id, PersonDraft draft) {
    jdbc.sql(
            """
            update person set email = ?, name = ?, title = ?, team_id = ?, location = ?,
                              phone = ?, updated_at = now()
             where id = ?
            """)
        .params(
            draft.email(),
            draft.name(),
            draft.title(),
            draft.teamId(),
            draft.location(),
            draft.phone(),
            id)
        .update();
  }

  void setActive(long id, boolean active) {
    jdbc.sql("update person set active = ?, updated_at = now() where id = ?")
        .params(active, id)
        .update();
  }

  void replacePerspectives(long personId, Collection<Long> perspectiveIds) {
    jdbc.sql("delete from person_perspective where person_id = ?").param(personId).update();
    for (Long perspectiveId : perspectiveIds) {
      jdbc.sql("insert into person_perspective (person_id, perspective_id) values (?, ?)")
          .params(personId, perspectiveId)
          .update();
    }
  }

  /** Recomputes what search matches for these people: name, title and perspective names. */
  void refreshSearchText(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            update person p
               set search_text = lower(p.name || ' ' || p.title || ' ' || coalesce(
                   (select string_agg(pe.name, ' ')
                      from person_perspective pp join perspective pe on pe.id = pp.perspective_id
                     where pp.person_id = p.id), ''))
             where p.id = any (?)
            """)
        .param(ids.toArray(Long[]::new))
        .update();
  }

  List<Organisation.Member> allMembers() {
    return jdbc.sql(
            """
            select p.id, p.name, p.team_id, p.active,
                   coalesce(array_agg(pe.code order by pe.code)
                            filter (where pe.code is not null), '{}') as perspectives
              from person p
              left join person_perspective pp on pp.person_id = p.id
              left join perspective pe on pe.id = pp.perspective_id
             group by p.id
            """)
        .query(
            (rs, n) ->
                new Organisation.Member(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getObject("team_id", Long.class),
                    rs.getBoolean("active"),
                    List.of((String[]) rs.getArray("perspectives").getArray())))
        .list();
  }

  Map<Long, String> names(Collection<Long> ids) {
    Map<Long, String> names = new HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    jdbc.sql("select id, name from person where id = any (?)")
        .param(ids.stream().distinct().toArray(Long[]::new))
        .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
        .list();
    return names;
  }

  List<Long> activeTeamMateIds(long personId) {
    return jdbc.sql(
            "select mate.id from person me join person mate on mate.team_id = me.team_id"
                + " where me.id = ? and mate.active")
        .param(personId)
        .query(Long.class)
        .list();
  }

  /** These people, active or not, in the order of their ids. */
  List<Person> byIds(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return withPerspectives(
        jdbc.sql(SELECT + " where p.id = any(?) order by p.id")
            .param(ids.toArray(Long[]::new))
            .query(this::row)
            .list());
  }

  long countActive() {
    return jdbc.sql("select count(*) from person where active").query(Long.class).single();
  }

  /** Loads the perspectives of a whole page of people in one query, never one per person. */
  private List<Person> withPerspectives(List<Person> people) {
    if (people.isEmpty()) {
      return people;
    }
    Map<Long, List<Perspective>> byPerson = new HashMap<>();
    jdbc.sql(
            """
            select pp.person_id, pe.id, pe.code, pe.name
              from person_perspective pp join perspective pe on pe.id = pp.perspective_id
             where pp.person_id = any (?)
             order by pe.name
            """)
        .param(people.stream().map(Person::id).toArray(Long[]::new))
        .query(
            (rs, n) -> {
              byPerson
                  .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                  .add(new Perspective(rs.getLong(2), rs.getString(3), rs.getString(4)));
              return null;
            })
        .list();
    return people.stream()
        .map(
            p ->
                new Person(
                    p.id(),
                    p.email(),
                    p.name(),
                    p.title(),
                    p.teamId(),
                    p.teamName(),
                    p.location(),
                    p.phone(),
                    p.active(),
                    byPerson.getOrDefault(p.id(), List.of())))
        .toList();
  }

  private Person row(ResultSet rs, int n) throws SQLException {
    Long teamId = rs.getObject("team_id", Long.class);
    return new Person(
        rs.getLong("id"),
        rs.getString("email"),
        rs.getString("name"),
        rs.getString("title"),
        teamId,
        rs.getString("team_name"),
        rs.getString("location"),
        rs.getString("phone"),
        rs.getBoolean("active"),
        List.of());
  }
}
