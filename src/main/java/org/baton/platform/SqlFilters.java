package org.baton.platform;

import java.util.Map;

/** Conditions the stores' filtered reads share, written once. */
public final class SqlFilters {

  private SqlFilters() {}

  /**
   * Narrows {@code sql} to a kind of decision with the kinds below it: codes are dotted, so {@code
   * customer} takes {@code customer} and {@code customer.goodwill}, never {@code customers}.
   * Appends {@code and (column = :type or column like :below)} and binds both.
   */
  public static void kindWithKindsBelow(
      StringBuilder sql, Map<String, Object> params, String column, String decisionType) {
    sql.append(" and (")
        .append(column)
        .append(" = :type or ")
        .append(column)
        .append(" like :below)");
    params.put("type", decisionType);
    params.put("below", decisionType + ".%");
  }
}
