package org.baton.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.baton.platform.CsvReader;
import org.junit.jupiter.api.Test;

class ImportFilePolicyTest {

  private static final String HEADER =
      "email,name,title,team,parent_team,team_leader,perspectives,location,phone\n";

  private final List<Team> existing =
      List.of(
          new Team(1, "Leadership", null, null, null, true),
          new Team(2, "Sales", 1L, null, null, true));

  @Test
  void aValidFileBecomesAPlanWithNewTeamsParentsFirst() throws Exception {
    ImportPlan plan =
        accepted(
            HEADER
                + "ana@example.com,Ana,Operator,Shift A,Production,,Safety;Quality,Plant 1,\n"
                + "bo@example.com,Bo,Head of Production,Production,Leadership,yes,,Plant 1,\n");
    assertThat(plan.people())
        .extracting(ImportPlan.Row::email)
        .containsExactly("ana@example.com", "bo@example.com");
    assertThat(plan.newTeams()).containsExactly("Production", "Shift A");
    assertThat(plan.leaders()).containsEntry("production", "bo@example.com");
    assertThat(plan.people().get(0).perspectives()).containsExactly("Safety", "Quality");
  }

  @Test
  void quotedValuesMayHoldCommasQuotesAndLineBreaks() throws Exception {
    ImportPlan plan =
        accepted(
            "email,name,team,title\n"
                + "ana@example.com,\"Smith, Ana\",Sales,\"The \"\"best\"\"\nclerk\"\n");
    assertThat(plan.people().get(0).name()).isEqualTo("Smith, Ana");
    assertThat(plan.people().get(0).title()).isEqualTo("The \"best\"\nclerk");
  }

  @Test
  void missingColumnsAreNamed() throws Exception {
    assertThat(refused("email,name\nana@example.com,Ana\n"))
        .containsExactly(new ImportProblem(1, "team", "The column \"team\" is missing."));
  }

  @Test
  void duplicateEmailsAreReportedOnTheSecondLineNamingTheFirst() throws Exception {
    assertThat(
            refused(
                "email,name,team\nana@example.com,Ana,Sales\nbo@example.com,Bo,Sales\nANA@example.com,Ana,Sales\n"))
        .containsExactly(
            new ImportProblem(4, "email", "The same e-mail address is already on line 2."));
  }

  @Test
  void everyBadValueIsReportedByLineAndColumn() throws Exception {
    assertThat(refused("email,name,team,team_leader\nnot-an-email,,Sales,maybe\n"))
        .extracting(ImportProblem::line, ImportProblem::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "email"),
            org.assertj.core.groups.Tuple.tuple(2, "name"),
            org.assertj.core.groups.Tuple.tuple(2, "team_leader"));
  }

  @Test
  void aTeamThatWouldBeItsOwnAncestorIsRefused() throws Exception {
    List<ImportProblem> problems =
        refused(
            "email,name,team,parent_team\n"
                + "ana@example.com,Ana,Alpha,Beta\n"
                + "bo@example.com,Bo,Beta,Alpha\n");
    assertThat(problems).isNotEmpty();
    assertThat(problems.get(0).column()).isEqualTo("parent_team");
    assertThat(problems.get(0).message())
        .contains("would be its own ancestor", "Alpha → Beta → Alpha");
  }

  @Test
  void aCycleThroughAnExistingTeamIsRefused() throws Exception {
    // Sales is below Leadership already; putting Leadership below Sales closes a loop.
    assertThat(refused("email,name,team,parent_team\nana@example.com,Ana,Leadership,Sales\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Leadership → Sales → Leadership"));
  }

  @Test
  void aTeamGetsOneParentAndOneLeader() throws Exception {
    assertThat(
            refused(
                "email,name,team,parent_team,team_leader\n"
                    + "ana@example.com,Ana,Alpha,Sales,yes\n"
                    + "bo@example.com,Bo,Alpha,Leadership,yes\n"))
        .extracting(ImportProblem::column)
        .containsExactly("parent_team", "team_leader");
  }

  @Test
  void rowsWithTooFewOrTooManyValuesAreRefused() throws Exception {
    assertThat(refused("email,name,team\nana@example.com,Ana\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Expected 3 values", "found 2"));
  }

  @Test
  void unknownColumnsAreRefusedSoThatTyposDoNotLoseData() throws Exception {
    assertThat(refused("email,name,team,perspectivs\n"))
        .extracting(ImportProblem::column)
        .containsExactly("perspectivs");
  }

  @Test
  void anEmptyFileOrOneWithoutPeopleIsRefused() throws Exception {
    assertThat(refused(""))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("empty"));
    assertThat(refused("email,name,team\n"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("no people"));
  }

  @Test
  void aFileInAnotherEncodingIsRefusedNamingTheLine() {
    byte[] latin1 =
        "email,name,team\nana@example.com,Zoë,Sales\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> CsvReader.read(latin1))
        .isInstanceOf(CsvReader.CsvException.class)
        .hasMessageContaining("not UTF-8")
        .satisfies(e -> assertThat(((CsvReader.CsvException) e).line()).isEqualTo(2));
  }

  @Test
  void anUnclosedQuoteIsRefused() {
    assertThatThrownBy(
            () ->
                CsvReader.read(
                    "email,name,team\n\"ana@example.com,Ana,Sales\n"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("never closed");
  }

  private ImportPlan accepted(String csv) throws Exception {
    ImportFilePolicy.Outcome outcome = check(csv);
    assertThat(outcome).isInstanceOf(ImportFilePolicy.Accepted.class);
    return ((ImportFilePolicy.Accepted) outcome).plan();
  }

  private List<ImportProblem> refused(String csv) throws Exception {
    ImportFilePolicy.Outcome outcome = check(csv);
    assertThat(outcome).isInstanceOf(ImportFilePolicy.Refused.class);
    return ((ImportFilePolicy.Refused) outcome).problems();
  }

  private ImportFilePolicy.Outcome check(String csv) throws Exception {
    return new ImportFilePolicy(existing)
        .check(CsvReader.read(csv.getBytes(StandardCharsets.UTF_8)));
  }
}
