package org.baton.notifications;

import java.util.List;
import org.baton.directory.Directory;
import org.baton.polls.PollChanged;
import org.baton.polls.PollReadings;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Polls: the people asked hear that their say is asked (and of an amendment, and of the decision it
 * ended in), the author hears when it closes; everyone with the poll open sees the count change
 * live. Votes notify nobody: they only move the count.
 */
@Component
class PollNotices {

  private final NotificationCentre centre;
  private final LiveBus streams;
  private final PollReadings polls;
  private final Directory directory;

  PollNotices(NotificationCentre centre, LiveBus streams, PollReadings polls, Directory directory) {
    this.centre = centre;
    this.streams = streams;
    this.polls = polls;
    this.directory = directory;
  }

  @ApplicationModuleListener
  void on(PollChanged event) {
    PollReadings.Summary poll = polls.summary(event.pollId()).orElse(null);
    if (poll == null) {
      return;
    }
    String link = "/polls/" + poll.id();
    List<Long> others =
        event.told().stream().filter(p -> !p.equals(poll.authorPersonId())).toList();
    String author =
        directory
            .names(List.of(poll.authorPersonId()))
            .getOrDefault(poll.authorPersonId(), "Someone");
    switch (event.kind()) {
      case OPENED ->
          tell(
              others, author + " asks your say: " + poll.title(), link, List.of(poll.kind().how()));
      case AMENDED ->
          tell(
              others,
              poll.title() + ": the proposal is amended; answer the new version",
              link,
              List.of());
      case CLOSED ->
          tell(
              List.of(poll.authorPersonId()),
              "Your poll has closed: " + poll.title() + ". Record the outcome.",
              link,
              List.of());
      case DECIDED -> tell(others, poll.title() + ": decided", link, List.of());
      case CLOSING_SOON ->
          tell(
              event.told(),
              "Your say is still asked, and the poll closes soon: " + poll.title(),
              link,
              List.of(poll.kind().how()));
      default -> {
        // a vote or an answer moves the count; nobody is notified
      }
    }
    streams.publish(event.told(), "poll-" + poll.id(), event.kind().name());
  }

  private void tell(List<Long> people, String text, String link, List<String> details) {
    if (people.isEmpty()) {
      return;
    }
    centre.notifyAll(people, NotificationKind.POLLS, text, link, details);
    centre.pushUnread(people);
  }
}
