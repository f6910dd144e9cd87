package org.baton.notifications;

/**
 * What a notification is about, by which each person chooses how it reaches them. Each kind has a
 * default (which admins may change): what needs the person soon goes out at once, the rest waits
 * for the digest.
 */
public enum NotificationKind {
  ADVICE_ASKED("Advice asked of you", Delivery.IMMEDIATELY),
  DECISION_REQUESTED("Requests for you to decide", Delivery.IMMEDIATELY),
  DEADLINE("Deadlines approaching", Delivery.IMMEDIATELY),
  REQUEST_ANSWERED("Answers to your requests to decide", Delivery.IMMEDIATELY),
  ADVICE_NAMED(
      "Decisions said to rest on your advice, and disputes of the advice you named",
      Delivery.IMMEDIATELY),
  ADVICE_ACTIVITY("Advice given on requests you take part in", Delivery.DIGEST),
  INITIATIVE_MILESTONE(
      "Initiatives you lead or support: handed over, picked up, decided", Delivery.IMMEDIATELY),
  INITIATIVE_ACTIVITY(
      "Initiatives you lead or support: new supporters, comments, help", Delivery.DIGEST),
  LEARNING("Learning: review actions for you, comments, report-out rounds", Delivery.IMMEDIATELY),
  PEOPLE_LEFT("Someone you work with has left: what moved to whom", Delivery.IMMEDIATELY),
  DIALOGUE(
      "Strategic dialogue: rounds opening and published, answers to your contributions",
      Delivery.IMMEDIATELY),
  DIALOGUE_ACTIVITY("Strategic dialogue: comments on your contributions", Delivery.DIGEST),
  ROLES(
      "Roles: applications and their conversations, time to confirm, matches, roles handed to you",
      Delivery.IMMEDIATELY),
  ROLES_OPENING("Open roles that match your interests", Delivery.DIGEST),
  GROWTH(
      "Growing into authority: suggestions to raise a limit under your rules, and the answers to"
          + " your own",
      Delivery.IMMEDIATELY),
  POLLS(
      "Polls: your say asked, reminders before a poll closes, amendments, your polls closing,"
          + " outcomes",
      Delivery.IMMEDIATELY);

  /** How a notification of one kind reaches a person, besides the notification centre. */
  public enum Delivery {
    IMMEDIATELY("E-mail at once"),
    DIGEST("In my digest"),
    OFF("Only in Baton");

    private final String label;

    Delivery(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final String label;
  private final Delivery builtInDefault;

  NotificationKind(String label, Delivery builtInDefault) {
    this.label = label;
    this.builtInDefault = builtInDefault;
  }

  public String label() {
    return label;
  }

  public Delivery builtInDefault() {
    return builtInDefault;
  }
}
