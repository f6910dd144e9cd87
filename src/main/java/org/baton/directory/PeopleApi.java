package org.baton.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.baton.platform.InvalidInputException;
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
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "The people of the organisation")
class PeopleApi {

  /**
   * A person as sent by an admin. Perspectives by code ({@code "finance"}, see GET
   * /api/v1/perspectives) or as GET returns them ({@code {"code": "finance", ...}}), so that what
   * GET answers can be PUT back as it is.
   */
  record PersonRequest(
      String email,
      String name,
      String title,
      Long teamId,
      String location,
      String phone,
      List<JsonNode> perspectives,
      Boolean active) {

    PersonDraft draft() {
      return new PersonDraft(email, name, title, teamId, location, phone, codes());
    }

    private List<String> codes() {
      if (perspectives == null) {
        return null;
      }
      List<String> codes = new java.util.ArrayList<>();
      for (int i = 0; i < perspectives.size(); i++) {
        JsonNode node = perspectives.get(i);
        JsonNode code = node.isObject() ? node.get("code") : node;
        if (code == null || !code.isString()) {
          throw new InvalidInputException(
              "perspectives[" + i + "]", "Name a perspective by its code, such as finance.");
        }
        codes.add(code.asString());
      }
      return codes;
    }
  }

  private final Directory directory;
  private final PeopleService people;

  PeopleApi(Directory directory, PeopleService people) {
    this.directory = directory;
    this.people = people;
  }

  @GetMapping
  @Operation(summary = "List active people, or search them by name, title or perspective")
  PageOf<Person> list(
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return directory.searchPeople(q, page, size);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One person, with team and perspectives")
  Person get(@PathVariable long id) {
    return directory.person(id);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a person (admins)")
  Person create(@RequestBody PersonRequest request) {
    Person person = people.create(request.draft());
    return request.active() == Boolean.FALSE ? people.setActive(person.id(), false) : person;
  }

  @PutMapping("/{id}")
  @Operation(summary = "Change a person, or (de)activate them with 'active' (admins)")
  Person update(@PathVariable long id, @RequestBody PersonRequest request) {
    Person person = people.update(id, request.draft());
    return request.active() == null || request.active() == person.active()
        ? person
        : people.setActive(id, request.active());
  }
}
