package io.lumen.sdk.internal.config;

import io.opentelemetry.api.internal.ConfigUtil;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A {@link ConfigProperties} that is another one with some keys replaced or removed.
 *
 * <p>Autoconfigure's own {@link DefaultConfigProperties} can override keys but not remove them,
 * and a key whose only default is "not set" (a certificate path, a per-signal endpoint) can only
 * fall back to its default by disappearing. Typed getters of changed keys parse exactly as
 * autoconfigure does, by handing the one value to a {@link DefaultConfigProperties}.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class OverlayConfigProperties implements ConfigProperties {

  private final ConfigProperties base;
  /** Normalized key to its new value; a {@code null} value removes the key. */
  private final Map<String, String> changes;

  private OverlayConfigProperties(ConfigProperties base, Map<String, String> changes) {
    this.base = base;
    this.changes = changes;
  }

  /**
   * {@code base} with {@code changes} applied: a key mapped to {@code null} is removed, any other
   * is set. Overlays of overlays are flattened.
   */
  public static OverlayConfigProperties of(
      ConfigProperties base, Map<String, String> changes) {
    Map<String, String> merged = new HashMap<>();
    ConfigProperties root = base;
    if (base instanceof OverlayConfigProperties) {
      OverlayConfigProperties overlay = (OverlayConfigProperties) base;
      root = overlay.base;
      merged.putAll(overlay.changes);
    }
    for (Map.Entry<String, String> change : changes.entrySet()) {
      merged.put(ConfigUtil.normalizePropertyKey(change.getKey()), change.getValue());
    }
    return new OverlayConfigProperties(root, Collections.unmodifiableMap(merged));
  }

  /** The changed keys (normalized) and their values; {@code null} for a removed key. */
  public Map<String, String> changes() {
    return changes;
  }

  /** The configuration without the changes. */
  public ConfigProperties base() {
    return base;
  }

  @Nullable
  @Override
  public String getString(String name) {
    String key = ConfigUtil.normalizePropertyKey(name);
    return changes.containsKey(key) ? changes.get(key) : base.getString(name);
  }

  @Nullable
  @Override
  public Boolean getBoolean(String name) {
    String key = ConfigUtil.normalizePropertyKey(name);
    return changes.containsKey(key) ? single(key).getBoolean(key) : base.getBoolean(name);
  }

  @Nullable
  @Override
  public Integer getInt(String name) {
    String key = ConfigUtil.normalizePropertyKey(name);
    return changes.containsKey(key) ? single(key).getInt(key) : base.getInt(name);
  }

  @Nullable
  @Override
  public Long getLong(String name) {
    String key = ConfigUtil.normalizePropertyKey(name);
    return changes.containsKey(key) ? single(key).getLong(key) : base.getLong(name);
  }

  @Nullable
  @Override
  public Double getDouble(String name) {
    String key = ConfigUtil.normalizePropertyKey(name);
    return changes.containsKey(key) ? single(key).getDouble(key) : base.getDouble(name);
  }

  @Nullable
  @Override
  public Duration getDuration(String name) {
    String key = ConfigUtil.normalizePropertyKey(name);
    return changes.containsKey(key) ? single(key).getDuration(key) : base.getDuration(name);
  }

  @Override
  public List<String> getList(String name) {
    String key = ConfigUtil.normalizePropertyKey(name);
    return changes.containsKey(key) ? single(key).getList(key) : base.getList(name);
  }

  @Override
  public Map<String, String> getMap(String name) {
    String key = ConfigUtil.normalizePropertyKey(name);
    return changes.containsKey(key) ? single(key).getMap(key) : base.getMap(name);
  }

  @Override
  public ComponentLoader getComponentLoader() {
    return base.getComponentLoader();
  }

  /** The changed key alone, parsed by autoconfigure's own rules. */
  private DefaultConfigProperties single(String key) {
    String value = changes.get(key);
    return DefaultConfigProperties.createFromMap(
        value == null
            ? Collections.<String, String>emptyMap()
            : Collections.singletonMap(key, value));
  }

  @Override
  public String toString() {
    // Values may be secrets (headers): name the changed keys only.
    return "OverlayConfigProperties{changed=" + changes.keySet() + "}";
  }
}
