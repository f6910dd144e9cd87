package org.baton.directory;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A person in the organisation. Deactivated people keep their history (and their name on everything
 * they did) but can no longer sign in and are left out of searches.
 *
 * @param perspectives the names of the person's areas of expertise
 */
public record Person(
    long id,
    String email,
    String name,
    String title,
    @Schema(nullable = true) Long teamId,
    @Schema(nullable = true) String teamName,
    String location,
    String phone,
    boolean active,
    List<Perspective> perspectives) {

  public Person {
    perspectives = List.copyOf(perspectives);
  }

  public List<String> perspectiveCodes() {
    return perspectives.stream().map(Perspective::code).toList();
  }
}
