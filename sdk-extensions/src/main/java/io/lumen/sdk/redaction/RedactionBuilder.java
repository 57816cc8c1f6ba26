package io.lumen.sdk.redaction;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Builds {@link Redaction} rules; every list starts as the default. */
public final class RedactionBuilder {

  List<String> sensitiveKeys = new ArrayList<>(Redaction.DEFAULT_SENSITIVE_KEYS);
  List<String> urlKeys = new ArrayList<>(Redaction.DEFAULT_URL_KEYS);
  List<String> queryKeys = new ArrayList<>(Redaction.DEFAULT_QUERY_KEYS);
  List<String> sensitiveQueryParameters =
      new ArrayList<>(Redaction.DEFAULT_SENSITIVE_QUERY_PARAMETERS);

  RedactionBuilder() {}

  /** Replaces the sensitive words that mark an attribute key as a secret. */
  public RedactionBuilder setSensitiveKeys(Collection<String> sensitiveKeys) {
    this.sensitiveKeys = new ArrayList<>(requireNonNull(sensitiveKeys, "sensitiveKeys"));
    return this;
  }

  /** Adds sensitive words to the current ones. */
  public RedactionBuilder addSensitiveKeys(Collection<String> sensitiveKeys) {
    this.sensitiveKeys.addAll(requireNonNull(sensitiveKeys, "sensitiveKeys"));
    return this;
  }

  /** Replaces the attribute keys whose values are URLs or request targets. */
  public RedactionBuilder setUrlKeys(Collection<String> urlKeys) {
    this.urlKeys = new ArrayList<>(requireNonNull(urlKeys, "urlKeys"));
    return this;
  }

  /** Replaces the attribute keys whose values are query strings. */
  public RedactionBuilder setQueryKeys(Collection<String> queryKeys) {
    this.queryKeys = new ArrayList<>(requireNonNull(queryKeys, "queryKeys"));
    return this;
  }

  /** Replaces the query parameters whose values are always masked (compared ignoring case). */
  public RedactionBuilder setSensitiveQueryParameters(Collection<String> parameters) {
    this.sensitiveQueryParameters = new ArrayList<>(requireNonNull(parameters, "parameters"));
    return this;
  }

  /** Adds query parameters to the current ones. */
  public RedactionBuilder addSensitiveQueryParameters(Collection<String> parameters) {
    this.sensitiveQueryParameters.addAll(requireNonNull(parameters, "parameters"));
    return this;
  }

  public Redaction build() {
    return new Redaction(this);
  }
}
