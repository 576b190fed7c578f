package io.mlops4j.data.internal;

import io.delta.kernel.utils.CloseableIterator;
import java.util.Iterator;
import java.util.List;

/** Tiny CloseableIterator factories (kernel's own are in io.delta.kernel.internal.util.Utils). */
final class Iterators {
  private Iterators() {}

  @SafeVarargs
  static <T> CloseableIterator<T> of(T... items) {
    return of(List.of(items));
  }

  static <T> CloseableIterator<T> of(List<T> items) {
    Iterator<T> it = items.iterator();
    return new CloseableIterator<T>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }
}
