package io.lumen.agent.extension;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** Receives the advice a {@link TypeInstrumentation} applies to the methods of a matched type. */
public interface TypeTransformer {

  /**
   * Applies the {@code @Advice.OnMethodEnter}/{@code @Advice.OnMethodExit} methods of {@code
   * adviceClassName} to every method that {@code methodMatcher} matches. Name the advice class as a
   * string: it is loaded next to the library, never by the caller.
   */
  void applyAdviceToMethod(
      ElementMatcher<? super MethodDescription> methodMatcher, String adviceClassName);
}
