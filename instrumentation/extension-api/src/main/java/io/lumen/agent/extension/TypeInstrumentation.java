package io.lumen.agent.extension;

import static net.bytebuddy.matcher.ElementMatchers.any;

import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/** One type (or family of types) an instrumentation module rewrites, and how. */
public interface TypeInstrumentation {

  /**
   * A cheap class-loader test, checked before {@link #typeMatcher()}; use it with hierarchy matchers
   * so that loaders without the library never pay for type resolution.
   */
  default ElementMatcher<ClassLoader> classLoaderOptimization() {
    return any();
  }

  /** The types to rewrite. Prefer name matchers: they reject without resolving any type. */
  ElementMatcher<TypeDescription> typeMatcher();

  /** Declares the advice for the matched types. */
  void transform(TypeTransformer transformer);
}
