package org.baton.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.advice.AdviceChanged;
import org.baton.advice.AdviceReadings;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.HolderRequestChanged;
import org.baton.decisions.RecordFollower;
import org.baton.initiatives.InitiativeChanged;
import org.baton.learning.LearningChanged;
import org.baton.learning.LearningReviews;
import org.baton.strategy.StrategyChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What happened, as webhook deliveries: the modules' durable events, and the decision record, which
 * is append-only and ordered and so is followed like the other followers of the record (a cursor
 * moved in the same transaction as the deliveries it wrote). Each delivery carries ids and links;
 * whoever receives it fetches the rest through the API with its own permissions.
 */
@Component
class WebhookEvents implements RecordFollower {

  private static final int DECISIONS_PER_ROUND = 500;

  private final Webhooks webhooks;
  private final DecisionRecord decisions;
  private final AdviceReadings advice;
  private final LearningReviews reviews;
  private final WebhookSender sender;

  WebhookEvents(
      Webhooks webhooks,
      DecisionRecord decisions,
      AdviceReadings advice,
      LearningReviews reviews,
      WebhookSender sender) {
    this.webhooks = webhooks;
    this.decisions = decisions;
    this.advice = advice;
    this.reviews = reviews;
    this.sender = sender;
  }

  @Override
  public String name() {
    return "webhooks";
  }

  /**
   * Writes the deliveries of the entries after the cursor, in the transaction that moves it; the
   * sender is woken once they have committed.
   */
  @Override
  public Round follow(long afterSeq) {
    List<DecisionRecord.Appended> entries = decisions.appendedAfter(afterSeq, DECISIONS_PER_ROUND);
    if (entries.isEmpty()) {
      return Round.caughtUp(afterSeq);
    }
    if (webhooks.anyEndpointEnabled()) {
      for (DecisionRecord.Appended entry : entries) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionId", entry.id());
        data.put("kind", entry.kind().name());
        data.put("decisionType", entry.decisionType());
        data.put("refersTo", entry.refersTo());
        data.put("deciderPersonId", entry.deciderPersonId());
        data.put("requestedByPersonId", entry.requestedByPersonId());
        data.put(
            "links", webhooks.links("/decisions/" + entry.id(), "/api/v1/decisions/" + entry.id()));
        webhooks.enqueue(
            entry.kind() == Decision.Kind.REVERSAL
                ? WebhookEventType.DECISION_REVERSED
                : WebhookEventType.DECISION_RECORDED,
            entry.confidential(),
            data);
      }
    }
    return new Round(entries.get(entries.size() - 1).seq(), entries.size(), sender::signal);
  }

  /** A delivery once sent cannot be taken back: the webhooks never follow the record again. */
  @Override
  public void forget() {
    throw new UnsupportedOperationException(
        "Webhook deliveries are not rebuilt: a receiver would hear of every decision again.");
  }

  @ApplicationModuleListener
  void on(HolderRequestChanged event) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("requestId", event.requestId());
    data.put("requesterPersonId", event.requesterPersonId());
    data.put("holderPersonId", event.holderPersonId());
    if (event.kind() != HolderRequestChanged.Kind.ASKED) {
      data.put("answer", event.kind().name());
      data.put("decisionId", event.decisionId());
    }
    data.put("links", webhooks.links("/authority/requests", "/api/v1/authority/requests"));
    webhooks.enqueue(
        event.kind() == HolderRequestChanged.Kind.ASKED
            ? WebhookEventType.HOLDER_REQUEST_ASKED
            : WebhookEventType.HOLDER_REQUEST_ANSWERED,
        event.confidential(),
        data);
  }

  /**
   * A poll opened or closed. Polls are for the people they ask, so their events go only to
   * endpoints marked for confidential data; ids and links, never the question or the votes.
   */
  @ApplicationModuleListener
  void on(org.baton.polls.PollChanged event) {
    WebhookEventType type =
        switch (event.kind()) {
          case OPENED -> WebhookEventType.POLL_OPENED;
          case CLOSED -> WebhookEventType.POLL_CLOSED;
          default -> null;
        };
    if (type == null) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("pollId", event.pollId());
    data.put("actorPersonId", event.actorPersonId());
    data.put(
        "links", webhooks.links("/polls/" + event.pollId(), "/api/v1/polls/" + event.pollId()));
    webhooks.enqueue(type, true, data);
  }

  @ApplicationModuleListener
  void on(InitiativeChanged event) {
    WebhookEventType type =
        switch (event.kind()) {
          case STARTED -> WebhookEventType.INITIATIVE_SPOTTED;
          case HANDED_OVER, PICKED_UP -> WebhookEventType.INITIATIVE_HANDED_OVER;
          case STATUS_CHANGED -> WebhookEventType.INITIATIVE_STATUS_CHANGED;
          default -> null;
        };
    if (type == null) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("initiativeId", event.initiativeId());
    data.put("actorPersonId", event.actorPersonId());
    if (type == WebhookEventType.INITIATIVE_HANDED_OVER) {
      data.put(
          "leaderPersonId",
          event.kind() == InitiativeChanged.Kind.PICKED_UP
              ? event.actorPersonId()
              : event.otherPersonId());
    }
    if (event.status() != null) {
      data.put("status", event.status().name());
    }
    data.put(
        "links",
        webhooks.links(
            "/initiatives/" + event.initiativeId(), "/api/v1/initiatives/" + event.initiativeId()));
    webhooks.enqueue(type, false, data); // initiatives are open to every member
  }

  @ApplicationModuleListener
  void on(AdviceChanged event) {
    WebhookEventType type =
        switch (event.kind()) {
          case ASKED -> WebhookEventType.ADVICE_REQUEST_OPENED;
          case ADVISED, REVISED -> WebhookEventType.ADVICE_GIVEN;
          case CLOSED -> WebhookEventType.ADVICE_REQUEST_CLOSED;
          default -> null;
        };
    if (type == null) {
      return;
    }
    boolean restricted = advice.find(event.requestId()).map(r -> r.restricted()).orElse(true);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("adviceRequestId", event.requestId());
    data.put("actorPersonId", event.actorPersonId());
    if (event.stance() != null) {
      data.put("stance", event.stance().name());
    }
    data.put(
        "links",
        webhooks.links(
            "/advice/" + event.requestId(), "/api/v1/advice-requests/" + event.requestId()));
    webhooks.enqueue(type, restricted, data);
  }

  @ApplicationModuleListener
  void on(LearningChanged event) {
    Map<String, Object> data = new LinkedHashMap<>();
    switch (event.kind()) {
      case REVIEW_PUBLISHED -> {
        data.put("reviewId", event.learningId());
        data.put("authorPersonId", event.actorPersonId());
        data.put(
            "links",
            webhooks.links(
                "/learning/reviews/" + event.learningId(),
                "/api/v1/learning-reviews/" + event.learningId()));
        webhooks.enqueue(
            WebhookEventType.LEARNING_REVIEW_PUBLISHED,
            !reviews.openToEveryMember(event.learningId()),
            data);
      }
      case REPORT_OUT_POSTED -> {
        data.put("reportOutId", event.learningId());
        data.put("authorPersonId", event.actorPersonId());
        data.put(
            "links",
            webhooks.links(
                "/report-outs/" + event.learningId(), "/api/v1/report-outs/" + event.learningId()));
        webhooks.enqueue(WebhookEventType.REPORT_OUT_POSTED, false, data);
      }
      default -> {
        // comments and rounds are not webhook events
      }
    }
  }

  /**
   * A dialogue round opened or published, a contribution posted or answered. Rounds are open to
   * every member, so none of these is confidential; supports, comments and themes are not events.
   */
  @ApplicationModuleListener
  void on(StrategyChanged event) {
    WebhookEventType type =
        switch (event.kind()) {
          case ROUND_OPENED -> WebhookEventType.DIALOGUE_ROUND_OPENED;
          case CONTRIBUTED -> WebhookEventType.DIALOGUE_CONTRIBUTION_POSTED;
          case ANSWERED -> WebhookEventType.DIALOGUE_CONTRIBUTION_ANSWERED;
          case ROUND_PUBLISHED -> WebhookEventType.DIALOGUE_ROUND_PUBLISHED;
          default -> null;
        };
    if (type == null) {
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("roundId", event.roundId());
    String page = "/dialogues/" + event.roundId();
    String api = "/api/v1/dialogues/" + event.roundId();
    if (event.contributionId() != null) {
      data.put("contributionId", event.contributionId());
      page += "/contributions/" + event.contributionId();
      api += "/contributions"; // the round's list; a contribution has no address of its own
    }
    data.put("actorPersonId", event.actorPersonId());
    data.put("links", webhooks.links(page, api));
    webhooks.enqueue(type, false, data);
  }
}
