package org.baton.initiatives;

/**
 * Who may do what with an initiative, each answer from facts the caller loaded (no I/O here), so
 * that the service, the page and the API ask the same question:
 *
 * <ul>
 *   <li><b>Join</b> as a supporter: anyone but its leader and supporters, while it is open.
 *   <li><b>Ask for advice</b> on its behalf: its leader and supporters, while it is open.
 *   <li><b>Offer help</b> (a comment shown as such): the leader of a team it affects.
 *   <li><b>Pick up</b> the lead, only while it is unattended (its leader left, or 30 days of
 *       silence): a supporter, the leader of an affected team, and, when the leader left, the
 *       leader's own leader; never the leader. Nobody takes the lead from an active leader.
 *   <li><b>Lead</b> (hand over, change the status): the leader alone.
 * </ul>
 */
public final class InitiativesPermissions {

  /** What the pick-up rule needs to know about the person and the initiative. */
  public record PickUpFacts(boolean unattended, boolean leadsAffectedTeam, boolean ledTheLeaver) {}

  /** What the person reading an initiative may do with it, for its page and the API. */
  @io.swagger.v3.oas.annotations.media.Schema(name = "InitiativeAnswers")
  public record Answers(
      boolean join, boolean askForAdvice, boolean offerHelp, boolean pickUp, boolean lead) {}

  private InitiativesPermissions() {}

  /**
   * Every answer at once; a done or dropped initiative is no longer led, asked for or picked up.
   */
  public static Answers answers(Long person, Initiative initiative, PickUpFacts facts) {
    boolean open = !initiative.status().isFinal();
    return new Answers(
        mayJoin(person, initiative),
        mayAskForAdvice(person, initiative),
        mayOfferHelp(person, facts),
        open && mayPickUp(person, initiative, facts),
        open && mayLead(person, initiative));
  }

  public static boolean mayLead(Long person, Initiative initiative) {
    return initiative.isLeader(person);
  }

  public static boolean mayJoin(Long person, Initiative initiative) {
    return person != null
        && !initiative.status().isFinal()
        && !initiative.isLeader(person)
        && !initiative.isSupporter(person);
  }

  public static boolean mayAskForAdvice(Long person, Initiative initiative) {
    return !initiative.status().isFinal()
        && (initiative.isLeader(person) || initiative.isSupporter(person));
  }

  public static boolean mayOfferHelp(Long person, PickUpFacts facts) {
    return person != null && facts.leadsAffectedTeam();
  }

  public static boolean mayPickUp(Long person, Initiative initiative, PickUpFacts facts) {
    return person != null
        && facts.unattended()
        && !initiative.isLeader(person)
        && (initiative.isSupporter(person) || facts.leadsAffectedTeam() || facts.ledTheLeaver());
  }
}
