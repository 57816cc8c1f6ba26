package io.lumen.instrumentation.jdbc.internal;

import java.util.Collection;
import java.util.Collections;
import javax.annotation.Nullable;

/**
 * One execution of a statement or of a batch. This class is internal and is not for public use.
 */
public final class DbRequest {

  private final DbInfo dbInfo;
  private final Collection<String> queryTexts;
  @Nullable private final Long batchSize;

  private DbRequest(DbInfo dbInfo, Collection<String> queryTexts, @Nullable Long batchSize) {
    this.dbInfo = dbInfo;
    this.queryTexts = queryTexts;
    this.batchSize = batchSize;
  }

  /** One statement. */
  public static DbRequest statement(DbInfo dbInfo, @Nullable String queryText) {
    return new DbRequest(
        dbInfo,
        queryText == null ? Collections.<String>emptyList() : Collections.singletonList(queryText),
        null);
  }

  /**
   * A batch of {@code size} executions of the distinct {@code queryTexts} (one text for a
   * prepared statement's batch, the statements added for a plain statement's).
   */
  public static DbRequest batch(DbInfo dbInfo, Collection<String> queryTexts, long size) {
    return new DbRequest(dbInfo, queryTexts, size);
  }

  public DbInfo dbInfo() {
    return dbInfo;
  }

  public Collection<String> queryTexts() {
    return queryTexts;
  }

  @Nullable
  public Long batchSize() {
    return batchSize;
  }
}
