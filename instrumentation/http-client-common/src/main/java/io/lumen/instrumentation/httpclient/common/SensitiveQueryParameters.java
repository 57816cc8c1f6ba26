package io.lumen.instrumentation.httpclient.common;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters whose values {@code url.full} never shows: they are replaced by {@code
 * REDACTED}, the parameter names stay. Names match case-insensitively.
 *
 * <p>A signed or token-bearing URL is a credential: whoever reads it from a trace can replay the
 * request until it expires. The defaults cover the pre-signed URL schemes of the big object stores
 * and the common bearer-style parameter names:
 *
 * <ul>
 *   <li>AWS Signature V2 and V4: {@code AWSAccessKeyId}, {@code Signature}, {@code
 *       X-Amz-Signature}, {@code X-Amz-Credential}, {@code X-Amz-Security-Token}
 *   <li>Google Cloud Storage V4: {@code X-Goog-Signature}, {@code X-Goog-Credential}
 *   <li>Azure shared access signatures: {@code sig}
 *   <li>tokens and keys by their usual names: {@code signature}, {@code token}, {@code
 *       access_token}, {@code refresh_token}, {@code id_token}, {@code api_key}, {@code apikey},
 *       {@code client_secret}, {@code password}
 * </ul>
 *
 * <p>User information ({@code https://user:password@host/}) is always replaced by {@code
 * REDACTED:REDACTED}, as the HTTP semantic conventions require.
 */
public final class SensitiveQueryParameters {

  /** The default names, listed above. */
  public static final Set<String> DEFAULTS =
      caseInsensitive(
          Arrays.asList(
              "AWSAccessKeyId",
              "Signature",
              "X-Amz-Signature",
              "X-Amz-Credential",
              "X-Amz-Security-Token",
              "X-Goog-Signature",
              "X-Goog-Credential",
              "sig",
              "token",
              "access_token",
              "refresh_token",
              "id_token",
              "api_key",
              "apikey",
              "client_secret",
              "password"));

  private SensitiveQueryParameters() {}

  /** The defaults plus {@code additional}, matching case-insensitively. */
  public static Set<String> defaultsAnd(Collection<String> additional) {
    if (additional.isEmpty()) {
      return DEFAULTS;
    }
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(DEFAULTS);
    names.addAll(additional);
    return Collections.unmodifiableSet(names);
  }

  private static Set<String> caseInsensitive(Collection<String> names) {
    TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(names);
    return Collections.unmodifiableSet(set);
  }
}
