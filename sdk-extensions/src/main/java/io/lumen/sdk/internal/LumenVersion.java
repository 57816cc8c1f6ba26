package io.lumen.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of Lumen this SDK was built as, read from {@code io/lumen/sdk/version.properties},
 * which Maven resource filtering writes at build time.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class LumenVersion {

  /** The version, or {@code "unknown"} when the file is missing (an unfiltered IDE build). */
  public static final String VERSION = read();

  private LumenVersion() {}

  private static String read() {
    Properties properties = new Properties();
    try (InputStream in = LumenVersion.class.getResourceAsStream("/io/lumen/sdk/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // Fall through to "unknown": a missing version must never stop the SDK from starting.
    }
    String version = properties.getProperty("version");
    return version == null || version.isEmpty() || version.startsWith("${") ? "unknown" : version;
  }
}
