package org.baton.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.baton.identity.BatonUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The notification centre page and the live stream behind every page. */
@Controller
class NotificationsController {

  private final NotificationCentre centre;
  private final LiveStreams streams;
  private final NotificationOpening opening;

  NotificationsController(
      NotificationCentre centre, LiveStreams streams, NotificationOpening opening) {
    this.centre = centre;
    this.streams = streams;
    this.opening = opening;
  }

  /** Server-Sent Events for the signed-in person: browsers (session) and API clients (token). */
  @GetMapping(
      value = {"/stream", "/api/v1/stream"},
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @ResponseBody
  @Operation(
      summary = "Live events for you as Server-Sent Events",
      description =
          "'ready' once open; 'unread' with your count of unread notifications;"
              + " 'advice-{id}' and 'initiative-{id}' when one you take part in changes (fetch it"
              + " through the API).")
  @ApiResponse(
      responseCode = "200",
      description = "An open event stream",
      content =
          @Content(
              mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
              schema = @Schema(type = "string")))
  SseEmitter stream(@AuthenticationPrincipal BatonUser me) {
    if (me.personId() == null) {
      SseEmitter none = new SseEmitter(0L);
      none.complete();
      return none;
    }
    return streams.open(me.personId());
  }

  @GetMapping("/notifications")
  String notifications(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute(
        "threads",
        me.personId() == null
            ? java.util.List.of()
            : NotificationThread.of(centre.recent(me.personId())));
    return "notifications/list";
  }

  /** Opens a notification: its thread is read, and the person goes on to what it names. */
  @PostMapping("/notifications/{id}/open")
  String open(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return "redirect:" + opening.open(me, id);
  }

  @PostMapping("/notifications/read")
  String read(@AuthenticationPrincipal BatonUser me) {
    if (me.personId() != null) {
      centre.markAllRead(me.personId());
    }
    return "redirect:/notifications";
  }
}
