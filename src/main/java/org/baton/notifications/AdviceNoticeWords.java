package org.baton.notifications;

import java.util.List;
import org.baton.advice.AdviceChanged;
import org.baton.advice.AdviceRequest;
import org.baton.authority.Words;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.springframework.stereotype.Component;

/**
 * What a notification about an advice request says, so that it can be read without opening it:
 * "Henry Walsh asks finance: 400 EUR goodwill credit", "Felix Wagner advised support on “finance:
 * 400 EUR goodwill credit”". Names and kinds of decision in words, never codes.
 */
@Component
class AdviceNoticeWords {

  private static final int QUESTION_SHOWN = 80;

  private final Directory directory;
  private final Words words;

  AdviceNoticeWords(Directory directory, Words words) {
    this.directory = directory;
    this.words = words;
  }

  /** What happened, about which request; {@code request} is null only if it has gone. */
  String text(AdviceChanged event, AdviceRequest request) {
    String actor = name(event.actorPersonId());
    String topic = request == null ? "an advice request" : "“" + topic(request) + "”";
    return switch (event.kind()) {
      case ASKED -> request == null ? actor + " asks for advice" : asked(request);
      case ADVISED -> actor + " advised " + stance(event) + " on " + topic;
      case REVISED -> actor + " changed their advice to " + stance(event) + " on " + topic;
      case CLOSED ->
          actor
              + " closed "
              + topic
              + (request != null && request.decisionId() != null ? " with a decision" : "");
      case REMINDER -> "Your advice is due within a day on " + topic;
      case ADVISER_LEFT ->
          actor + " has left before advising on " + topic + ": ask someone in their place";
    };
  }

  /** "Henry Walsh asks finance: 400 EUR goodwill credit". */
  String asked(AdviceRequest request) {
    return name(request.askerId()) + " asks " + topic(request);
  }

  /**
   * The perspectives asked and what it is about: "finance: 400 EUR goodwill credit", or the
   * question (shortened) where no kind of decision is named.
   */
  String topic(AdviceRequest request) {
    List<String> perspectives =
        request.perspectives().stream().map(p -> words.perspective(p).toLowerCase()).toList();
    String about;
    if (request.decisionType() != null) {
      about =
          (request.amount() == null
                  ? ""
                  : request.amount().stripTrailingZeros().toPlainString()
                      + " "
                      + request.currency()
                      + " ")
              + words.type(request.decisionType()).toLowerCase();
    } else {
      about = org.baton.platform.Markdown.snippet(request.question(), QUESTION_SHOWN);
    }
    return perspectives.isEmpty() ? about : String.join(" and ", perspectives) + ": " + about;
  }

  private static String stance(AdviceChanged event) {
    return event.stance() == null ? "" : event.stance().label().toLowerCase();
  }

  private String name(Long personId) {
    return personId == null
        ? "Someone"
        : directory.findPerson(personId).map(Person::name).orElse("Someone");
  }
}
