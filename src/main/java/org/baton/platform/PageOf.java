package org.baton.platform;

import java.util.List;

/** One page of a longer list: the items, which page (from 0), its size and the total count. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

  public static final int MAX_SIZE = 100;

  /** Far past any real list, and small enough that page times size never overflows an int. */
  public static final int MAX_PAGE = 1_000_000;

  public PageOf {
    items = List.copyOf(items);
  }

  public int pages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }

  public boolean hasNext() {
    return page + 1 < pages();
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  /** A page number and size a caller asked for, brought into range. */
  public static int clampSize(int size) {
    return Math.max(1, Math.min(size, MAX_SIZE));
  }

  public static int clampPage(int page) {
    return Math.max(0, Math.min(page, MAX_PAGE));
  }
}
