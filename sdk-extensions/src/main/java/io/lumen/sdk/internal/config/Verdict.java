package io.lumen.sdk.internal.config;

import javax.annotation.Nullable;

/** What a {@link PropertyRule} found in one configured value. */
final class Verdict {

  private static final Verdict VALID = new Verdict(null, null);

  @Nullable private final String problem;
  @Nullable private final String replacement;

  private Verdict(@Nullable String problem, @Nullable String replacement) {
    this.problem = problem;
    this.replacement = replacement;
  }

  /** The value is fine as it is. */
  static Verdict valid() {
    return VALID;
  }

  /** The value is unusable: the key falls back to its default. */
  static Verdict invalid(String problem) {
    return new Verdict(problem, null);
  }

  /**
   * Part of the value is unusable (an unknown name in a list, a malformed entry of a map): {@code
   * replacement}, the usable part, is used instead.
   */
  static Verdict repaired(String problem, String replacement) {
    return new Verdict(problem, replacement);
  }

  boolean isValid() {
    return problem == null;
  }

  /** Why the value was rejected; null when valid. */
  @Nullable
  String problem() {
    return problem;
  }

  /** The value to use instead; null to fall back to the key's default. */
  @Nullable
  String replacement() {
    return replacement;
  }
}
