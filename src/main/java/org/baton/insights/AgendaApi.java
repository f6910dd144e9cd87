package org.baton.insights;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.baton.identity.BatonUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Home", description = "What waits for you")
class AgendaApi {

  /** The agenda, as other clients show it. */
  record AgendaBody(List<AgendaItem> items) {}

  private final Agenda agenda;

  AgendaApi(Agenda agenda) {
    this.agenda = agenda;
  }

  @GetMapping("/agenda")
  @Operation(
      summary =
          "What waits for you, most urgent first: {items: [{kind, title, link, dueAt,"
              + " waitingSince}]}; empty for an operator account")
  AgendaBody agenda(@AuthenticationPrincipal BatonUser me) {
    return new AgendaBody(agenda.of(me));
  }
}
