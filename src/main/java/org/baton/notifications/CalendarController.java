package org.baton.notifications;

import org.baton.identity.BatonUser;
import org.baton.platform.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar feed: {@code GET /api/v1/calendar.ics} with a token, the secret address calendar
 * apps subscribe to (no sign-in: the secret is the key), and {@code /me/calendar} to make or revoke
 * that address.
 */
@Controller
class CalendarController {

  private static final MediaType CALENDAR =
      new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

  private final CalendarFeeds feeds;

  CalendarController(CalendarFeeds feeds) {
    this.feeds = feeds;
  }

  @GetMapping("/api/v1/calendar.ics")
  @io.swagger.v3.oas.annotations.Operation(
      summary =
          "Your calendar (iCalendar): dialogue rounds, goals, your follow-ups and advice deadlines")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "200",
      description = "An iCalendar stream",
      content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/calendar"))
  ResponseEntity<String> calendar(@AuthenticationPrincipal BatonUser me) {
    return ics(feeds.calendarOf(me));
  }

  @GetMapping("/calendar/{secret}.ics")
  ResponseEntity<String> subscribed(@PathVariable String secret) {
    return feeds
        .calendarAt(secret)
        .map(CalendarController::ics)
        .orElseThrow(() -> new NotFoundException("No calendar at this address."));
  }

  @GetMapping("/me/calendar")
  String page(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute("hasAddress", feeds.hasAddress(me));
    return "notifications/calendar";
  }

  @PostMapping("/me/calendar")
  String newAddress(@AuthenticationPrincipal BatonUser me, RedirectAttributes redirect) {
    // an account that is no person is told to sign in as itself, by the platform's error page
    redirect.addFlashAttribute("address", feeds.newAddress(me));
    return "redirect:/me/calendar";
  }

  @PostMapping("/me/calendar/revoke")
  String revoke(@AuthenticationPrincipal BatonUser me, RedirectAttributes redirect) {
    feeds.revoke(me);
    redirect.addFlashAttribute(
        "message", "The address is revoked: calendars subscribed to it get nothing more.");
    return "redirect:/me/calendar";
  }

  private static ResponseEntity<String> ics(String body) {
    return ResponseEntity.ok()
        .contentType(CALENDAR)
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(body);
  }
}
