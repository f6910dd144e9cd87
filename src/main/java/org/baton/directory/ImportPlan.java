package org.baton.directory;

import java.util.List;
import java.util.Map;

/**
 * A checked import file, ready to write in one transaction.
 *
 * @param teamParents team name → parent team name, for the teams whose parent the file sets
 * @param newTeams names of teams that do not exist yet, parents before children
 * @param leaders team name → e-mail of its leader
 */
record ImportPlan(
    List<Row> people,
    List<String> newTeams,
    Map<String, String> teamParents,
    Map<String, String> leaders) {

  record Row(
      int line,
      String email,
      String name,
      String title,
      String team,
      String location,
      String phone,
      List<String> perspectives) {}
}
