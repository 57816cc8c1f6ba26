package io.lumen.sdk.internal.config;

import io.opentelemetry.api.internal.ConfigUtil;
import io.opentelemetry.exporter.internal.TlsUtil;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * Makes a bad configuration value cost only itself: each documented key whose value the SDK would
 * reject (and then, in the upstream agent, export nothing at all) or misread falls back to its
 * default, or to the usable part of a list, with one WARNING that names the key, the value and
 * what is used instead. Every other key still takes effect, so telemetry keeps flowing.
 *
 * <p>Values of sensitive keys (exporter headers) never appear in the warning: only their length,
 * and the names of the entries at fault.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class ConfigurationRepair {

  private static final Logger logger = Logger.getLogger(ConfigurationRepair.class.getName());

  /** Longest value quoted in a warning; garbage can be megabytes. */
  private static final int MAX_QUOTED_LENGTH = 120;

  private ConfigurationRepair() {}

  /**
   * Returns {@code config} with every bad value of a documented key repaired, logging one WARNING
   * per repaired key. Returns {@code config} itself when nothing needed repair. Never throws: a
   * failure of the repair itself leaves the configuration as it was.
   */
  public static ConfigProperties repair(ConfigProperties config) {
    try {
      return repairOrThrow(config);
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Configuration check failed; using the configuration as given", e);
      return config;
    }
  }

  /**
   * Removes {@code keys}: a last resort for a key the SDK rejected that no rule foresaw. One
   * WARNING per key.
   */
  public static ConfigProperties remove(
      ConfigProperties config, Set<String> keys, String problem) {
    Map<String, String> changes = new LinkedHashMap<>();
    for (String key : keys) {
      String value = config.getString(key);
      if (value != null) {
        changes.put(key, null);
        logger.warning(
            describeKey(key)
                + " = "
                + quote(value, isSensitiveKey(key))
                + " was rejected by the OpenTelemetry SDK ("
                + problem
                + "). Ignoring it: using its default.");
      }
    }
    return changes.isEmpty() ? config : OverlayConfigProperties.of(config, changes);
  }

  private static ConfigProperties repairOrThrow(ConfigProperties config) {
    Set<String> present = presentKeys(config);
    RepairContext context = new RepairContext(config);
    Map<String, String> changes = new LinkedHashMap<>();
    Set<String> claimed = new HashSet<>();

    for (PropertyRule rule : PropertyRules.all()) {
      if (rule.isExact()) {
        String key = ConfigUtil.normalizePropertyKey(rule.documentedKey());
        claimed.add(key);
        apply(rule, key, context, changes, config);
      } else {
        for (String key : present) {
          if (!claimed.contains(key) && rule.matches(key)) {
            claimed.add(key);
            apply(rule, key, context, changes, config);
          }
        }
      }
    }
    checkClientCertificatePairs(context, changes, config);
    return changes.isEmpty() ? config : OverlayConfigProperties.of(config, changes);
  }

  private static void apply(
      PropertyRule rule,
      String key,
      RepairContext context,
      Map<String, String> changes,
      ConfigProperties original) {
    String value = context.config().getString(key);
    if (value == null) {
      return;
    }
    if (value.trim().isEmpty()) {
      // Blank means unset (an empty OTEL_FOO= in a container template); autoconfigure reads it as
      // such for numbers and lists, but as a name for strings.
      change(key, null, changes, context, original);
      return;
    }
    Verdict verdict;
    try {
      verdict = rule.check(key, value, context);
    } catch (RuntimeException e) {
      logger.log(Level.FINE, "Cannot check " + key + "; leaving it as it is", e);
      return;
    }
    if (verdict.isValid() && verdict.replacement() == null) {
      return;
    }
    String replacement = verdict.replacement();
    StringBuilder warning = new StringBuilder();
    warning
        .append("Invalid value for ")
        .append(describeKey(rule, key))
        .append(": ")
        .append(quote(value, rule.isSensitive()))
        .append(" is ")
        .append(verdict.problem())
        .append(". ");
    if (replacement == null) {
      warning.append("Using the default: ").append(rule.describeDefault(context)).append('.');
    } else if (rule.isSensitive()) {
      warning.append("Using the other entries.");
    } else {
      warning.append("Using: ").append(quote(replacement, false)).append('.');
    }
    change(key, replacement, changes, context, original);
    logger.warning(warning.toString());
  }

  private static void change(
      String key,
      @Nullable String value,
      Map<String, String> changes,
      RepairContext context,
      ConfigProperties original) {
    changes.put(key, value);
    context.update(OverlayConfigProperties.of(original, changes));
  }

  /**
   * The SDK refuses a client key without its certificate and the reverse, per signal, after
   * falling back from the signal's key to the general one; and both must make a key pair.
   */
  private static void checkClientCertificatePairs(
      RepairContext context, Map<String, String> changes, ConfigProperties original) {
    for (Map.Entry<String, String> pair : PropertyRules.clientKeyCertificatePairs().entrySet()) {
      ConfigProperties config = context.config();
      String keyName = pair.getKey();
      String certificateName = pair.getValue();
      String key = config.getString(keyName);
      String certificate = config.getString(certificateName);
      if (key == null && certificate == null) {
        continue;
      }
      String effectiveKey = key != null ? key : general(config, keyName);
      String effectiveCertificate =
          certificate != null ? certificate : general(config, certificateName);
      String problem = null;
      if (effectiveKey == null || effectiveCertificate == null) {
        problem =
            effectiveKey == null
                ? "a client certificate without a client key (set both, or neither)"
                : "a client key without a client certificate (set both, or neither)";
      } else {
        try {
          TlsUtil.keyManager(
              Files.readAllBytes(Paths.get(effectiveKey)),
              Files.readAllBytes(Paths.get(effectiveCertificate)));
        } catch (Exception e) {
          problem = "not a private key and certificate that belong together";
        }
      }
      if (problem == null) {
        continue;
      }
      for (String name : new String[] {keyName, certificateName}) {
        String value = config.getString(name);
        if (value != null) {
          logger.warning(
              "Invalid value for "
                  + describeKey(name)
                  + ": "
                  + quote(value, false)
                  + " is "
                  + problem
                  + ". Using the default: no client certificate.");
          change(name, null, changes, context, original);
        }
      }
    }
  }

  @Nullable
  private static String general(ConfigProperties config, String signalKey) {
    for (String signal : PropertyRules.SIGNALS) {
      String infix = "." + signal + ".";
      if (signalKey.contains(infix)) {
        return config.getString(signalKey.replace(infix, "."));
      }
    }
    return null;
  }

  /** The keys set in {@code config}, normalized, for rules that cover families of keys. */
  static Set<String> presentKeys(ConfigProperties config) {
    Set<String> keys = new TreeSet<>();
    ConfigProperties root = config;
    if (config instanceof OverlayConfigProperties) {
      OverlayConfigProperties overlay = (OverlayConfigProperties) config;
      root = overlay.base();
      for (Map.Entry<String, String> change : overlay.changes().entrySet()) {
        if (change.getValue() != null) {
          keys.add(change.getKey());
        }
      }
    }
    Map<String, String> all = mapOf(root);
    if (all != null) {
      keys.addAll(all.keySet());
    } else {
      // Without the map, what the process was started with is what users set.
      for (String name : System.getProperties().stringPropertyNames()) {
        keys.add(ConfigUtil.normalizePropertyKey(name));
      }
      for (String name : System.getenv().keySet()) {
        keys.add(ConfigUtil.normalizeEnvironmentVariableKey(name));
      }
    }
    keys.removeIf(key -> !key.startsWith("otel."));
    return Collections.unmodifiableSet(keys);
  }

  @Nullable
  @SuppressWarnings("unchecked")
  private static Map<String, String> mapOf(ConfigProperties config) {
    if (!(config instanceof DefaultConfigProperties)) {
      return null;
    }
    try {
      Field field = DefaultConfigProperties.class.getDeclaredField("config");
      field.setAccessible(true);
      return (Map<String, String>) field.get(config);
    } catch (ReflectiveOperationException | RuntimeException e) {
      logger.log(Level.FINE, "Cannot list configuration keys", e);
      return null;
    }
  }

  private static String describeKey(PropertyRule rule, String key) {
    String documented = ConfigUtil.normalizePropertyKey(rule.documentedKey());
    return describeKey(documented.equals(key) ? rule.documentedKey() : spelledAsGiven(key));
  }

  /**
   * The key as the user spelled it in a system property ({@code java-http-server}, not the
   * normalized {@code java.http.server}), if it was given as one.
   */
  private static String spelledAsGiven(String normalizedKey) {
    for (String name : System.getProperties().stringPropertyNames()) {
      if (ConfigUtil.normalizePropertyKey(name).equals(normalizedKey)) {
        return name;
      }
    }
    return normalizedKey;
  }

  /** {@code otel.bsp.max.queue.size (OTEL_BSP_MAX_QUEUE_SIZE)}. */
  static String describeKey(String key) {
    String variable = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    return key + " (" + variable + ")";
  }

  private static boolean isSensitiveKey(String key) {
    String normalized = ConfigUtil.normalizePropertyKey(key);
    for (PropertyRule rule : PropertyRules.all()) {
      if (rule.isSensitive() && rule.matches(normalized)) {
        return true;
      }
    }
    return normalized.contains("header")
        || normalized.contains("password")
        || normalized.contains("secret")
        || normalized.contains("token");
  }

  /**
   * The value as a warning may show it: quoted, control characters escaped (a value must not forge
   * log lines), long values cut; a sensitive value only as its length.
   */
  static String quote(String value, boolean sensitive) {
    if (sensitive) {
      return "<" + value.length() + " characters, not shown>";
    }
    StringBuilder quoted = new StringBuilder("'");
    int shown = Math.min(value.length(), MAX_QUOTED_LENGTH);
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c)) {
        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    quoted.append('\'');
    if (value.length() > shown) {
      quoted.append(" (").append(value.length()).append(" characters; first ").append(shown)
          .append(" shown)");
    }
    return quoted.toString();
  }
}
