package org.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageKeyTest {

  @Test
  void aKeyGivesBackItsValuesToTheMicrosecondSoThatNoRowIsSkipped() {
    Instant at = Instant.parse("2026-11-24T09:30:12.123456Z");
    PageKey key = PageKey.parse(PageKey.of(true, at, 42L, "report-out").encoded(), 4);

    assertThat(key.flag(0)).isTrue();
    assertThat(key.instant(1)).isEqualTo(at);
    assertThat(key.number(2)).isEqualTo(42L);
    assertThat(key.text(3)).isEqualTo("report-out");
  }

  @Test
  void noKeyIsTheFirstPage() {
    assertThat(PageKey.parse(null, 1)).isNull();
    assertThat(PageKey.parse(" ", 1)).isNull();
  }

  @Test
  void aKeyBatonDidNotGiveIsBadInputOnTheFieldAfter() {
    String twoValues = PageKey.of(1L, 2L).encoded();
    for (String token : List.of("not base64!", twoValues, PageKey.of("x").encoded())) {
      assertThatThrownBy(() -> PageKey.parse(token, 1).number(0))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.byField()).containsKey(PageKey.FIELD));
    }
  }

  @Test
  void aPageWithOneRowMoreThanItsSizeHasANextKeyFromItsLastShownRow() {
    KeyedPage<Long> page = KeyedPage.of(List.of(9L, 8L, 7L), 2, n -> PageKey.of(n));

    assertThat(page.items()).containsExactly(9L, 8L);
    assertThat(PageKey.parse(page.next(), 1).number(0)).isEqualTo(8L);
    assertThat(KeyedPage.of(List.of(9L, 8L), 2, n -> PageKey.of(n)).hasNext()).isFalse();
  }
}
