package org.baton.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TeamRepository {

  private static final String SELECT =
      """
      select t.id, t.name, t.parent_id, t.leader_id, l.name as leader_name, t.active
        from team t
        left join person l on l.id = t.leader_id
      """;

  private final JdbcClient jdbc;

  TeamRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Team> all() {
    return jdbc.sql(SELECT + " order by lower(t.name)").query(this::row).list();
  }

  Optional<Team> findById(long id) {
    return jdbc.sql(SELECT + " where t.id = ?").param(id).query(this::row).optional();
  }

  Optional<Team> findByName(String name) {
    return jdbc.sql(SELECT + " where lower(t.name) = lower(?)")
        .param(name.strip())
        .query(this::row)
        .optional();
  }

  long insert(String name, Long parentId, Long leaderId) {
    return jdbc.sql("insert into team (name, parent_id, leader_id) values (?, ?, ?) returning id")
        .params(name, parentId, leaderId)
        .query(Long.class)
        .single();
  }

  void update(long id, String name, Long parentId, Long leaderId) {
    jdbc.sql(
            "update team set name = ?, parent_id = ?, leader_id = ?, updated_at = now()"
                + " where id = ?")
        .params(name, parentId, leaderId, id)
        .update();
  }

  void setActive(long id, boolean active) {
    jdbc.sql("update team set active = ?, updated_at = now() where id = ?")
        .params(active, id)
        .update();
  }

  long countActiveMembers(long id) {
    return jdbc.sql("select count(*) from person where team_id = ? and active")
        .param(id)
        .query(Long.class)
        .single();
  }

  long countActiveChildren(long id) {
    return jdbc.sql("select count(*) from team where parent_id = ? and active")
        .param(id)
        .query(Long.class)
        .single();
  }

  private Team row(ResultSet rs, int n) throws SQLException {
    return new Team(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getObject("parent_id", Long.class),
        rs.getObject("leader_id", Long.class),
        rs.getString("leader_name"),
        rs.getBoolean("active"));
  }
}
