package org.baton.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.baton.advice.AdviceReadings;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.HolderRequest;
import org.baton.decisions.HolderRequests;
import org.baton.growth.GrowthSuggestion;
import org.baton.growth.GrowthSuggestions;
import org.baton.identity.BatonUser;
import org.baton.initiatives.Initiative;
import org.baton.initiatives.Initiatives;
import org.baton.learning.LearningReviews;
import org.baton.learning.ReportOuts;
import org.baton.roles.Applications;
import org.baton.roles.Role;
import org.baton.roles.RoleApplication;
import org.baton.roles.Roles;
import org.baton.strategy.DialogueRound;
import org.baton.strategy.Dialogues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for a person, most urgent first ({@link AgendaItem#urgency}): advice asked of them,
 * requests for them to decide, their actions from learning reviews, follow-ups of their decisions,
 * initiatives they lead that have gone quiet, dialogue rounds open for contributions, applications
 * to roles of circles they lead (or whose time they are asked to confirm), open roles that match
 * them, and growth suggestions for rules they own. Each module's own service decides what the
 * person may see; the agenda only gathers and orders.
 */
@Service
public class Agenda {

  /** An initiative with no activity for this long has gone quiet. */
  static final int QUIET_DAYS = 14;

  /** Follow-ups from a week ago (missed) to a week ahead. */
  static final int FOLLOW_UP_DAYS = 7;

  private final AdviceReadings advice;
  private final HolderRequests holderRequests;
  private final LearningReviews reviews;
  private final DecisionRecord decisions;
  private final Initiatives initiatives;
  private final Dialogues dialogues;
  private final Applications applications;
  private final Roles roles;
  private final org.baton.roles.RoleProfiles roleProfiles;
  private final GrowthSuggestions growth;
  private final ReportOuts reportOuts;
  private final org.baton.authority.RuleChanges ruleChanges;
  private final org.baton.polls.PollReadings polls;
  private final Clock clock;

  Agenda(
      AdviceReadings advice,
      HolderRequests holderRequests,
      LearningReviews reviews,
      DecisionRecord decisions,
      Initiatives initiatives,
      Dialogues dialogues,
      Applications applications,
      Roles roles,
      org.baton.roles.RoleProfiles roleProfiles,
      GrowthSuggestions growth,
      ReportOuts reportOuts,
      org.baton.authority.RuleChanges ruleChanges,
      org.baton.polls.PollReadings polls,
      Clock clock) {
    this.polls = polls;
    this.reportOuts = reportOuts;
    this.ruleChanges = ruleChanges;
    this.advice = advice;
    this.holderRequests = holderRequests;
    this.reviews = reviews;
    this.decisions = decisions;
    this.initiatives = initiatives;
    this.dialogues = dialogues;
    this.applications = applications;
    this.roles = roles;
    this.roleProfiles = roleProfiles;
    this.growth = growth;
    this.clock = clock;
  }

  /**
   * Everything that waits for the person; for an operator account such as admin, only the rule
   * changes that wait for an admin.
   */
  @Transactional(readOnly = true)
  public List<AgendaItem> of(BatonUser me) {
    List<AgendaItem> items = new ArrayList<>();
    // a change that widens a rule waits for an admin: every admin sees it, the operator account too
    if (me.isAdmin()) {
      for (org.baton.authority.RuleChange change : ruleChanges.awaitingAnswerFrom(me)) {
        items.add(
            new AgendaItem(
                AgendaItem.Kind.RULE_CHANGE,
                change.proposedBy()
                    + " proposes to widen a rule"
                    + (change.draft().reason() == null || change.draft().reason().isBlank()
                        ? ""
                        : ": " + change.draft().reason()),
                "/authority/rule-changes",
                null,
                change.proposedAt()));
      }
    }
    if (me.personId() == null) {
      return items;
    }
    long person = me.personId();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    for (AdviceReadings.WaitingAdvice waiting : advice.waitingFor(List.of(person))) {
      items.add(
          new AgendaItem(
              AgendaItem.Kind.ADVICE_ASKED,
              firstLine(waiting.question()),
              "/advice/" + waiting.requestId(),
              waiting.deadline(),
              null));
    }
    for (HolderRequest request : holderRequests.waitingFor(List.of(person))) {
      items.add(
          new AgendaItem(
              AgendaItem.Kind.DECISION_REQUESTED,
              request.requesterName() + " asks you to decide: " + request.title(),
              "/authority/requests",
              null,
              request.createdAt()));
    }
    for (LearningReviews.OwnedAction owned : reviews.openActionsOf(me)) {
      items.add(
          new AgendaItem(
              AgendaItem.Kind.REVIEW_ACTION,
              owned.action().description() + " (" + owned.reviewTitle() + ")",
              "/learning/reviews/" + owned.reviewId(),
              endOf(owned.action().due()),
              null));
    }
    for (ReportOuts.Round round : reportOuts.owedBy(me)) {
      items.add(
          new AgendaItem(
              AgendaItem.Kind.REPORT_OUT_OWED,
              round.title() + " (" + round.teamName() + ")",
              "/report-outs/new?round=" + round.id(),
              endOf(round.due()),
              null));
    }
    for (DecisionRecord.FollowUpDate followUp :
        decisions.followUpDatesOf(person, today.minusDays(FOLLOW_UP_DAYS))) {
      if (followUp.on().isAfter(today.plusDays(FOLLOW_UP_DAYS))) {
        break; // soonest first: the rest are later still
      }
      items.add(
          new AgendaItem(
              AgendaItem.Kind.FOLLOW_UP,
              followUp.title(),
              "/decisions/" + followUp.decisionId(),
              endOf(followUp.on()),
              null));
    }
    for (Initiative quiet : initiatives.list(me, "mine", null, QUIET_DAYS, null, 20).items()) {
      if (quiet.leaderId() == person) {
        items.add(
            new AgendaItem(
                AgendaItem.Kind.QUIET_INITIATIVE,
                quiet.title(),
                "/initiatives/" + quiet.id(),
                null,
                quiet.lastActivityAt()));
      }
    }
    for (DialogueRound round : dialogues.list(me)) {
      if (round.open()) {
        items.add(
            new AgendaItem(
                AgendaItem.Kind.DIALOGUE_OPEN,
                round.title(),
                "/dialogues/" + round.id(),
                endOf(round.contributionsCloseOn()),
                null));
      }
    }
    for (org.baton.polls.PollReadings.Summary poll : polls.waitingFor(me, 20)) {
      items.add(
          new AgendaItem(
              AgendaItem.Kind.POLL, poll.title(), "/polls/" + poll.id(), poll.closesAt(), null));
    }
    java.util.Map<Long, String> roleNames = new java.util.HashMap<>(); // one lookup per role
    for (RoleApplication application : applications.waitingFor(me)) {
      String role = roleNames.computeIfAbsent(application.roleId(), id -> roles.role(id).name());
      items.add(
          new AgendaItem(
              AgendaItem.Kind.ROLE_APPLICATION,
              application.applicant().name() + " applied for " + role,
              "/roles/" + application.roleId() + "/applications/" + application.id(),
              null,
              application.appliedAt()));
    }
    for (Role role : roleProfiles.openRolesMatching(me)) {
      items.add(
          new AgendaItem(
              AgendaItem.Kind.OPEN_ROLE, role.name(), "/roles/" + role.id(), null, null));
    }
    for (GrowthSuggestion suggestion : growth.waitingFor(me)) {
      items.add(
          new AgendaItem(
              AgendaItem.Kind.GROWTH_SUGGESTION,
              suggestion.person().name()
                  + ": "
                  + suggestion.decisionTypeName()
                  + " up to "
                  + suggestion.proposedLimit(),
              "/authority/growth-suggestions/" + suggestion.id(),
              null,
              suggestion.createdAt()));
    }
    items.sort(Comparator.comparing(AgendaItem::urgency));
    return items;
  }

  /** A day's date as the moment it is over (due on the 3rd: due by the end of the 3rd, UTC). */
  private static Instant endOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first line as words (Markdown's marks dropped), shortened. */
  private static String firstLine(String text) {
    return org.baton.platform.Markdown.snippet(text.strip().lines().findFirst().orElse(""), 160);
  }
}
