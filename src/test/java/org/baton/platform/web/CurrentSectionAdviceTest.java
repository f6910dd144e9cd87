package org.baton.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The header marks the section one is in: which link that is for a path. */
class CurrentSectionAdviceTest {

  @Test
  void aPathBelongsToItsFirstPartOrTwoUnderAuthorityAdminAndMe() {
    assertThat(CurrentSectionAdvice.sectionOf("/")).isEqualTo("home");
    assertThat(CurrentSectionAdvice.sectionOf("/initiatives/12/edit")).isEqualTo("initiatives");
    assertThat(CurrentSectionAdvice.sectionOf("/authority/check")).isEqualTo("authority/check");
    assertThat(CurrentSectionAdvice.sectionOf("/authority/rules/3")).isEqualTo("authority/rules");
    assertThat(CurrentSectionAdvice.sectionOf("/me/calendar")).isEqualTo("me/calendar");
    assertThat(CurrentSectionAdvice.sectionOf("/authority")).isEqualTo("authority");
  }
}
