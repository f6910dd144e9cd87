package org.baton;

import static org.assertj.core.api.Assertions.assertThat;

import org.baton.advice.AdviceChanged;
import org.baton.initiatives.InitiativeChanged;
import org.baton.learning.LearningChanged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Durable events wait in the event publication registry as JSON, so a publication written before a
 * change of an event's shape is still read after it: the people to tell were "audience" in advice
 * and initiatives, and a round started travelled as the learning's id.
 */
class EventShapesTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theAudienceOfAnOlderPublicationIsReadAsThePeopleToTell() {
    AdviceChanged advice =
        json.readValue(
            "{\"requestId\":7,\"kind\":\"ASKED\",\"actorPersonId\":1,\"audience\":[2,3],"
                + "\"newlyAsked\":[3]}",
            AdviceChanged.class);
    InitiativeChanged initiative =
        json.readValue(
            "{\"initiativeId\":5,\"kind\":\"COMMENTED\",\"actorPersonId\":1,\"audience\":[4]}",
            InitiativeChanged.class);

    assertThat(advice.told()).containsExactly(2L, 3L);
    assertThat(initiative.told()).containsExactly(4L);
  }

  @Test
  void aRoundStartedInAnOlderPublicationNamesTheRoundNotALearning() {
    LearningChanged old =
        json.readValue(
            "{\"kind\":\"ROUND_STARTED\",\"learning\":\"REPORT_OUT\",\"learningId\":9,"
                + "\"actorPersonId\":1,\"told\":[2]}",
            LearningChanged.class);
    LearningChanged current = json.readValue(json.writeValueAsString(old), LearningChanged.class);

    assertThat(old.roundId()).isEqualTo(9L);
    assertThat(old.learningId()).isNull();
    assertThat(old.learning()).isNull();
    assertThat(current).isEqualTo(old);
  }
}
