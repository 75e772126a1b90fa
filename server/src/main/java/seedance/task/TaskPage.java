package seedance.task;

import java.util.List;

/** One page of an account's tasks, newest first; {@code page} counts from 1. */
public record TaskPage(List<Task> items, int page, int size, long total) {

  public TaskPage {
    items = List.copyOf(items);
  }

  public long pages() {
    return Math.max(1, Math.ceilDiv(total, size));
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return (long) page * size < total;
  }
}
