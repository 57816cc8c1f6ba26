package io.lumen.sdk.internal;

import io.lumen.sdk.redaction.Redaction;
import io.lumen.sdk.redaction.RedactionBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Reads the {@code otel.lumen.redaction.*} keys.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class RedactionConfiguration {

  public static final String ENABLED = "otel.lumen.redaction.enabled";
  public static final String KEYS = "otel.lumen.redaction.keys";
  public static final String ADDITIONAL_KEYS = "otel.lumen.redaction.additional-keys";
  public static final String URL_KEYS = "otel.lumen.redaction.url-keys";
  public static final String QUERY_KEYS = "otel.lumen.redaction.query-keys";
  public static final String QUERY_PARAMETERS = "otel.lumen.redaction.query-parameters";
  public static final String ADDITIONAL_QUERY_PARAMETERS =
      "otel.lumen.redaction.additional-query-parameters";

  private RedactionConfiguration() {}

  /** The configured rules, or {@code null} when redaction is turned off. */
  @Nullable
  public static Redaction fromConfig(ConfigProperties config) {
    if (!config.getBoolean(ENABLED, true)) {
      return null;
    }
    RedactionBuilder builder = Redaction.builder();
    List<String> keys = config.getList(KEYS);
    if (!keys.isEmpty()) {
      builder.setSensitiveKeys(keys);
    }
    builder.addSensitiveKeys(config.getList(ADDITIONAL_KEYS));
    List<String> urlKeys = config.getList(URL_KEYS);
    if (!urlKeys.isEmpty()) {
      builder.setUrlKeys(urlKeys);
    }
    List<String> queryKeys = config.getList(QUERY_KEYS);
    if (!queryKeys.isEmpty()) {
      builder.setQueryKeys(queryKeys);
    }
    List<String> parameters = config.getList(QUERY_PARAMETERS);
    if (!parameters.isEmpty()) {
      builder.setSensitiveQueryParameters(parameters);
    }
    builder.addSensitiveQueryParameters(config.getList(ADDITIONAL_QUERY_PARAMETERS));
    return builder.build();
  }
}
