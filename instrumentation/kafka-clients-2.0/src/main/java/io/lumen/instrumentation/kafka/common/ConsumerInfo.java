package io.lumen.instrumentation.kafka.common;

import javax.annotation.Nullable;

/**
 * What a consumer was configured with that its records do not say: its group and client id. Read
 * once, when the consumer is built.
 */
public final class ConsumerInfo {

  /** A consumer whose configuration was not seen (built before the agent, or not traced). */
  public static final ConsumerInfo UNKNOWN = new ConsumerInfo(null, null);

  @Nullable private final String groupId;
  @Nullable private final String clientId;

  private ConsumerInfo(@Nullable String groupId, @Nullable String clientId) {
    this.groupId = groupId;
    this.clientId = clientId;
  }

  /** Empty strings, Kafka's "not configured", count as absent. */
  public static ConsumerInfo create(@Nullable String groupId, @Nullable String clientId) {
    return new ConsumerInfo(emptyToNull(groupId), emptyToNull(clientId));
  }

  @Nullable
  public String groupId() {
    return groupId;
  }

  @Nullable
  public String clientId() {
    return clientId;
  }

  @Nullable
  private static String emptyToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
