package org.baton.provisioning;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which people SCIM shows: everyone in the directory except those a provider has deleted. */
@Repository
class ProvisioningRepository {

  private final JdbcClient jdbc;

  ProvisioningRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of the users SCIM shows, by id (stable while a provider pages through them). */
  List<Long> userIds(long offset, int count) {
    return jdbc.sql(
            """
            select p.id from person p
            where not exists (select 1 from scim_deprovisioned_user d where d.person_id = p.id)
            order by p.id limit ? offset ?
            """)
        .params(count, offset)
        .query(Long.class)
        .list();
  }

  long countUsers() {
    return jdbc.sql(
            """
            select count(*) from person p
            where not exists (select 1 from scim_deprovisioned_user d where d.person_id = p.id)
            """)
        .query(Long.class)
        .single();
  }

  boolean isDeprovisioned(long personId) {
    return jdbc.sql("select count(*) from scim_deprovisioned_user where person_id = ?")
            .param(personId)
            .query(Long.class)
            .single()
        > 0;
  }

  void deprovision(long personId) {
    jdbc.sql("insert into scim_deprovisioned_user (person_id) values (?) on conflict do nothing")
        .param(personId)
        .update();
  }

  void restore(long personId) {
    jdbc.sql("delete from scim_deprovisioned_user where person_id = ?").param(personId).update();
  }

  /** A page of the active teams SCIM shows as groups, by id. */
  List<Long> groupIds(long offset, int count) {
    return jdbc.sql("select id from team where active order by id limit ? offset ?")
        .params(count, offset)
        .query(Long.class)
        .list();
  }

  long countGroups() {
    return jdbc.sql("select count(*) from team where active").query(Long.class).single();
  }

  /** The active teams directly below this one. */
  List<Long> childTeamIds(long teamId) {
    return jdbc.sql("select id from team where parent_id = ? and active order by id")
        .param(teamId)
        .query(Long.class)
        .list();
  }

  /** Everyone active in the team, by id. */
  List<Long> memberIds(long teamId) {
    return jdbc.sql("select id from person where team_id = ? and active order by id")
        .param(teamId)
        .query(Long.class)
        .list();
  }
}
