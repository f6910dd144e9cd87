package org.baton.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PerspectiveRepository {

  private final JdbcClient jdbc;

  PerspectiveRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Perspective> all() {
    return jdbc.sql("select id, code, name from perspective order by name")
        .query(Perspective.class)
        .list();
  }

  Map<String, Perspective> byCode() {
    return all().stream().collect(Collectors.toMap(Perspective::code, Function.identity()));
  }

  /** The perspectives with these names, creating the ones that do not exist yet. */
  List<Perspective> findOrCreate(Collection<String> names) {
    Map<String, Perspective> known = byCode();
    List<Perspective> result = new ArrayList<>();
    for (String name : names) {
      String code = Perspective.codeFor(name);
      Perspective perspective = known.get(code);
      if (perspective == null) {
        long id =
            jdbc.sql(
                    "insert into perspective (code, name) values (?, ?)"
                        + " on conflict (code) do update set code = excluded.code returning id")
                .params(code, name.strip())
                .query(Long.class)
                .single();
        perspective = new Perspective(id, code, name.strip());
        known.put(code, perspective);
      }
      result.add(perspective);
    }
    return result;
  }
}
