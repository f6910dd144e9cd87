package org.baton.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a long list read by key rather than by position: the items, and the key that reads
 * the page after them ({@code null} on the last page). A list read this way costs the same on its
 * five-thousandth page as on its first, because the database seeks to the key in an index instead
 * of counting past every row before it; for the same reason there is no total.
 */
public record KeyedPage<T>(
    List<T> items,
    @Schema(nullable = true, description = "The key of the next page; null on the last page")
        String next) {

  public KeyedPage {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return next != null;
  }

  /**
   * The page from rows read with one more than its size: the extra row only tells that a next page
   * exists, which then starts after the last row shown.
   */
  public static <T> KeyedPage<T> of(List<T> rows, int size, Function<T, PageKey> keyOf) {
    if (rows.size() <= size) {
      return new KeyedPage<>(rows, null);
    }
    List<T> shown = rows.subList(0, size);
    return new KeyedPage<>(shown, keyOf.apply(shown.get(size - 1)).encoded());
  }

  public <R> KeyedPage<R> map(Function<T, R> mapper) {
    return new KeyedPage<>(items.stream().map(mapper).toList(), next);
  }
}
