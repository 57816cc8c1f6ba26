package io.lumen.sdk.redaction;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import javax.annotation.Nullable;

/**
 * Which attribute values are secrets, and how to mask them. Immutable and thread-safe; used by
 * {@link RedactingSpanProcessor} and {@link RedactingLogRecordProcessor}.
 *
 * <p>Three rules:
 *
 * <ol>
 *   <li><b>Sensitive keys.</b> A string (or string array) attribute whose key has a segment (the
 *       parts between dots) that, lower-cased and without {@code _} and {@code -}, ends with a
 *       sensitive word, becomes {@value #REDACTED}. With the default words, {@code db.password},
 *       {@code http.request.header.authorization}, {@code http.request.header.x-api-key}, {@code
 *       oauth.access_token} and {@code http.response.header.set-cookie} are redacted, while {@code
 *       gen_ai.usage.input_tokens} and {@code tokenizer.name} are not. A configured entry that
 *       contains a dot ({@code user.email}) names one whole attribute key instead (ignoring case). Numbers and booleans are
 *       left alone: they cannot hold a credential of any size, and replacing them would change the
 *       attribute's type.
 *   <li><b>URLs.</b> In URL attributes ({@code url.full}, {@code url.original}, {@code http.url},
 *       {@code http.target}) user info becomes {@code REDACTED:REDACTED}, as the semantic
 *       conventions ask, and so do the values of sensitive query parameters.
 *   <li><b>Query strings.</b> In {@code url.query}, the values of sensitive query parameters become
 *       {@value #REDACTED}. A parameter is sensitive if it is one of the signature parameters
 *       ({@code sig}, {@code Signature}, {@code X-Amz-Signature}, {@code X-Goog-Signature}, {@code
 *       AWSAccessKeyId}, ..., compared ignoring case) or its name is a sensitive key by rule 1.
 * </ol>
 */
public final class Redaction {

  /** What a secret is replaced with. */
  public static final String REDACTED = "REDACTED";

  /** The default sensitive words of rule 1. */
  public static final List<String> DEFAULT_SENSITIVE_KEYS =
      Collections.unmodifiableList(
          Arrays.asList(
              "password", "passwd", "secret", "token", "authorization", "apikey", "api_key",
              "api-key", "cookie", "set-cookie"));

  /** The default URL attributes of rule 2. */
  public static final List<String> DEFAULT_URL_KEYS =
      Collections.unmodifiableList(Arrays.asList("url.full", "url.original", "http.url", "http.target"));

  /** The default query-string attributes of rule 3. */
  public static final List<String> DEFAULT_QUERY_KEYS =
      Collections.unmodifiableList(Collections.singletonList("url.query"));

  /** The default signature parameters of rules 2 and 3. */
  public static final List<String> DEFAULT_SENSITIVE_QUERY_PARAMETERS =
      Collections.unmodifiableList(
          Arrays.asList(
              "sig",
              "signature",
              "x-amz-signature",
              "x-amz-credential",
              "x-amz-security-token",
              "x-goog-signature",
              "x-goog-credential",
              "awsaccesskeyid",
              "token",
              "access_token",
              "code"));

  private static final int MAX_CACHED_KEYS = 4096;
  private static final Redaction DEFAULT = builder().build();

  private final List<String> sensitiveWords;
  /** Configured entries with a dot: whole attribute keys, lower case. */
  private final Set<String> sensitiveFullKeys;
  private final Set<String> urlKeys;
  private final Set<String> queryKeys;
  private final Set<String> sensitiveQueryParameters;
  /** Key decisions, because the same few keys come back on every span. */
  private final Map<String, Boolean> sensitiveKeyCache = new ConcurrentHashMap<>();

  Redaction(RedactionBuilder builder) {
    List<String> words = new ArrayList<>();
    Set<String> fullKeys = new HashSet<>();
    for (String key : builder.sensitiveKeys) {
      if (key.indexOf('.') >= 0) {
        fullKeys.add(key.trim().toLowerCase(Locale.ROOT));
        continue;
      }
      String word = normalize(key);
      if (!word.isEmpty() && !words.contains(word)) {
        words.add(word);
      }
    }
    this.sensitiveWords = Collections.unmodifiableList(words);
    this.sensitiveFullKeys = Collections.unmodifiableSet(fullKeys);
    this.urlKeys = Collections.unmodifiableSet(new HashSet<>(builder.urlKeys));
    this.queryKeys = Collections.unmodifiableSet(new HashSet<>(builder.queryKeys));
    Set<String> parameters = new HashSet<>();
    for (String parameter : builder.sensitiveQueryParameters) {
      parameters.add(parameter.toLowerCase(Locale.ROOT));
    }
    this.sensitiveQueryParameters = Collections.unmodifiableSet(parameters);
  }

  /** The rules with every default. */
  public static Redaction getDefault() {
    return DEFAULT;
  }

  /** A builder, starting from the defaults. */
  public static RedactionBuilder builder() {
    return new RedactionBuilder();
  }

  /**
   * Calls {@code onRedacted} with the key and the masked value of each attribute that needs
   * redaction; attributes that are fine are not reported. Callers write the values back with
   * {@code setAttribute}, which replaces the secret under the same key and type.
   */
  public void forEachRedacted(Attributes attributes, BiConsumer<AttributeKey<?>, Object> onRedacted) {
    attributes.forEach(
        (key, value) -> {
          Object redacted = redact(key, value);
          if (redacted != null) {
            onRedacted.accept(key, redacted);
          }
        });
  }

  /** Returns {@code attributes} with every secret masked (the same instance if there is none). */
  public Attributes redact(Attributes attributes) {
    AttributesBuilder[] builder = new AttributesBuilder[1];
    forEachRedacted(
        attributes,
        (key, value) -> {
          if (builder[0] == null) {
            builder[0] = attributes.toBuilder();
          }
          putUnchecked(builder[0], key, value);
        });
    return builder[0] == null ? attributes : builder[0].build();
  }

  @SuppressWarnings("unchecked")
  private static <T> void putUnchecked(
      AttributesBuilder builder, AttributeKey<T> key, Object value) {
    builder.put(key, (T) value);
  }

  /** The masked value for {@code key}, or {@code null} if {@code value} is not a secret. */
  @Nullable
  Object redact(AttributeKey<?> key, Object value) {
    AttributeType type = key.getType();
    if (type == AttributeType.STRING) {
      String string = (String) value;
      if (isSensitiveKey(key.getKey())) {
        return REDACTED.equals(string) ? null : REDACTED;
      }
      String masked = maskByKey(key.getKey(), string);
      return masked.equals(string) ? null : masked;
    }
    if (type == AttributeType.STRING_ARRAY && isSensitiveKey(key.getKey())) {
      List<?> values = (List<?>) value;
      List<String> redacted = Collections.nCopies(values.size(), REDACTED);
      return redacted.equals(values) ? null : redacted;
    }
    return null;
  }

  private String maskByKey(String key, String value) {
    if (urlKeys.contains(key)) {
      return maskUrl(value);
    }
    if (queryKeys.contains(key)) {
      return maskQuery(value);
    }
    return value;
  }

  /** Whether attributes named {@code key} hold secrets (rule 1). */
  public boolean isSensitiveKey(String key) {
    Boolean cached = sensitiveKeyCache.get(key);
    if (cached != null) {
      return cached;
    }
    boolean sensitive = computeSensitiveKey(key);
    if (sensitiveKeyCache.size() < MAX_CACHED_KEYS) {
      sensitiveKeyCache.put(key, sensitive);
    }
    return sensitive;
  }

  private boolean computeSensitiveKey(String key) {
    if (!sensitiveFullKeys.isEmpty() && sensitiveFullKeys.contains(key.toLowerCase(Locale.ROOT))) {
      return true;
    }
    int start = 0;
    while (start <= key.length()) {
      int end = key.indexOf('.', start);
      if (end < 0) {
        end = key.length();
      }
      String segment = normalize(key.substring(start, end));
      for (String word : sensitiveWords) {
        if (segment.endsWith(word)) {
          return true;
        }
      }
      start = end + 1;
    }
    return false;
  }

  /** Masks user info and sensitive query parameter values in a URL or request target. */
  public String maskUrl(String url) {
    String result = url;
    int schemeEnd = result.indexOf("://");
    if (schemeEnd > 0) {
      int authorityStart = schemeEnd + 3;
      int authorityEnd = indexOfAny(result, "/?#", authorityStart);
      int at = result.lastIndexOf('@', authorityEnd - 1);
      if (at >= authorityStart) {
        result = result.substring(0, authorityStart) + REDACTED + ":" + REDACTED + result.substring(at);
      }
    }
    int queryStart = result.indexOf('?');
    if (queryStart < 0) {
      return result;
    }
    int queryEnd = result.indexOf('#', queryStart);
    if (queryEnd < 0) {
      queryEnd = result.length();
    }
    String query = result.substring(queryStart + 1, queryEnd);
    String maskedQuery = maskQuery(query);
    return maskedQuery.equals(query)
        ? result
        : result.substring(0, queryStart + 1) + maskedQuery + result.substring(queryEnd);
  }

  /** Masks the values of sensitive parameters in a query string ({@code a=1&sig=...}). */
  public String maskQuery(String query) {
    StringBuilder result = new StringBuilder(query.length());
    boolean changed = false;
    int start = 0;
    while (true) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      int equals = query.indexOf('=', start);
      if (equals > start
          && equals < end - 1
          && isSensitiveParameter(query.substring(start, equals))
          && !query.substring(equals + 1, end).equals(REDACTED)) {
        result.append(query, start, equals + 1).append(REDACTED);
        changed = true;
      } else {
        result.append(query, start, end);
      }
      if (end == query.length()) {
        return changed ? result.toString() : query;
      }
      result.append('&');
      start = end + 1;
    }
  }

  private boolean isSensitiveParameter(String name) {
    String decoded = name.replace("%2D", "-").replace("%2d", "-").replace("%5F", "_").replace("%5f", "_");
    return sensitiveQueryParameters.contains(decoded.toLowerCase(Locale.ROOT))
        || isSensitiveKey(decoded);
  }

  private static int indexOfAny(String string, String characters, int from) {
    for (int i = from; i < string.length(); i++) {
      if (characters.indexOf(string.charAt(i)) >= 0) {
        return i;
      }
    }
    return string.length();
  }

  private static String normalize(String word) {
    StringBuilder normalized = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c != '_' && c != '-' && c != ' ') {
        normalized.append(Character.toLowerCase(c));
      }
    }
    return normalized.toString();
  }

  @Override
  public String toString() {
    return "Redaction{sensitiveKeys="
        + sensitiveWords
        + ", sensitiveFullKeys="
        + sensitiveFullKeys
        + ", urlKeys="
        + urlKeys
        + ", queryKeys="
        + queryKeys
        + ", sensitiveQueryParameters="
        + sensitiveQueryParameters
        + '}';
  }
}
