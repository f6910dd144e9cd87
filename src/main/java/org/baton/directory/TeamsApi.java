package org.baton.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.baton.platform.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Teams", description = "The team tree and perspectives")
class TeamsApi {

  record TeamRequest(String name, Long parentId, Long leaderId, Boolean active) {}

  private final Directory directory;
  private final TeamService teams;

  TeamsApi(Directory directory, TeamService teams) {
    this.directory = directory;
    this.teams = teams;
  }

  @GetMapping("/teams")
  @Operation(summary = "List teams by name")
  PageOf<Team> list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    List<Team> all = directory.teams();
    int safeSize = PageOf.clampSize(size);
    int from = Math.min(all.size(), PageOf.clampPage(page) * safeSize);
    return new PageOf<>(
        all.subList(from, Math.min(all.size(), from + safeSize)),
        PageOf.clampPage(page),
        safeSize,
        all.size());
  }

  @GetMapping("/teams/{id}")
  @Operation(summary = "One team")
  Team get(@PathVariable long id) {
    return directory.team(id);
  }

  @GetMapping("/teams/{id}/members")
  @Operation(summary = "The active members of a team")
  PageOf<Person> members(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    directory.team(id);
    return directory.activeMembersOf(id, page, size);
  }

  @PostMapping("/teams")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a team (admins)")
  Team create(@RequestBody TeamRequest request) {
    return teams.create(new TeamDraft(request.name(), request.parentId(), request.leaderId()));
  }

  @PutMapping("/teams/{id}")
  @Operation(summary = "Change a team, or (de)activate it with 'active' (admins)")
  Team update(@PathVariable long id, @RequestBody TeamRequest request) {
    Team team =
        teams.update(id, new TeamDraft(request.name(), request.parentId(), request.leaderId()));
    return request.active() == null || request.active() == team.active()
        ? team
        : teams.setActive(id, request.active());
  }

  @GetMapping("/perspectives")
  @Operation(summary = "The perspectives people offer advice from (finance, quality, ...)")
  List<Perspective> perspectives() {
    return directory.perspectives();
  }
}
