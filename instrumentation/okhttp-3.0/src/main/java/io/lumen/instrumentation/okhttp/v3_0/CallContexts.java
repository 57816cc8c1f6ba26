package io.lumen.instrumentation.okhttp.v3_0;

import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.util.VirtualField;
import javax.annotation.Nullable;
import okhttp3.Request;

/**
 * The context each call was created in, by its request. An enqueued call runs its interceptors on
 * one of OkHttp's dispatcher threads, where the application's context is not current; the span must
 * still be the child of the span that made the call.
 */
public final class CallContexts {

  private static final VirtualField<Request, Context> CONTEXTS =
      VirtualField.find(Request.class, Context.class);

  private CallContexts() {}

  /**
   * Remembers the current context as the parent of the call about to be made for {@code request}.
   */
  public static void rememberCurrent(Request request) {
    Context current = Context.current();
    if (current != Context.root() || CONTEXTS.get(request) != null) {
      CONTEXTS.set(request, current);
    }
  }

  /** The context the call of {@code request} was created in, if it was remembered. */
  @Nullable
  static Context parentOf(Request request) {
    return CONTEXTS.get(request);
  }
}
