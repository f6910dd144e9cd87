package org.baton.platform;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A PostgreSQL array column as a list, for the stores' row mapping; null reads as empty. */
public final class SqlArrays {

  private SqlArrays() {}

  public static List<Long> longs(Array array) throws SQLException {
    return array == null
        ? List.of()
        : Collections.unmodifiableList(Arrays.asList((Long[]) array.getArray()));
  }

  public static List<String> texts(Array array) throws SQLException {
    return array == null
        ? List.of()
        : Collections.unmodifiableList(Arrays.asList((String[]) array.getArray()));
  }
}
