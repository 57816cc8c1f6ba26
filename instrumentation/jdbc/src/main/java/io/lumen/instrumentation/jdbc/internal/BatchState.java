package io.lumen.instrumentation.jdbc.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a statement's batch holds until it is executed or cleared: the distinct statements added
 * ({@code Statement.addBatch(String)}) and how many executions there are in all. This class is
 * internal and is not for public use.
 */
public final class BatchState {

  private final Set<String> queryTexts = new LinkedHashSet<>();
  private long size;

  public synchronized void add(String queryText) {
    if (queryText != null) {
      queryTexts.add(queryText);
    }
    size++;
  }

  /** A {@code PreparedStatement.addBatch()}: one more execution of the prepared text. */
  public synchronized void addExecution() {
    size++;
  }

  public synchronized DbRequest toRequest(DbInfo dbInfo, String preparedQueryText) {
    Collection<String> texts = new LinkedHashSet<>(queryTexts);
    if (texts.isEmpty() && preparedQueryText != null) {
      texts.add(preparedQueryText);
    }
    return DbRequest.batch(dbInfo, texts, size);
  }

  public synchronized void clear() {
    queryTexts.clear();
    size = 0;
  }
}
