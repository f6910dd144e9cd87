package org.baton.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailTest {

  @Test
  void anAddressIsTrimmedAndLowerCasedSoThatOnePersonHasOneAddress() {
    assertThat(new Email("  Henry@Example.COM ").value()).isEqualTo("henry@example.com");
  }

  @Test
  void obviousTyposAreRefused() {
    assertThat(Email.isValid("henry.example.com")).isFalse();
    assertThat(Email.isValid("henry@example")).isFalse();
    assertThat(Email.isValid("hen ry@example.com")).isFalse();
    assertThat(Email.isValid(null)).isFalse();
    assertThatThrownBy(() -> new Email("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void perspectiveCodesAreDerivedFromTheirNames() {
    assertThat(Perspective.codeFor("Production engineering")).isEqualTo("production-engineering");
    assertThat(Perspective.codeFor("R&D")).isEqualTo("randd");
    assertThat(Perspective.codeFor(" Qualité ")).isEqualTo("qualite");
  }
}
