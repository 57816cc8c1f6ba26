package io.lumen.instrumentation.httpclient.common;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.AttributesExtractor;
import io.opentelemetry.instrumentation.api.instrumenter.ContextCustomizer;
import io.opentelemetry.semconv.HttpAttributes;
import javax.annotation.Nullable;

/**
 * Adds the {@link HttpClientRequestAttempts} counter to each span's context and, when the span
 * ends, {@code http.request.resend_count} if the client resent the request.
 */
final class ResendCountExtractor
    implements AttributesExtractor<Object, Object>, ContextCustomizer<Object> {

  static final ResendCountExtractor INSTANCE = new ResendCountExtractor();

  private ResendCountExtractor() {}

  @Override
  public Context onStart(
      Context parentContext,
      Object request,
      io.opentelemetry.api.common.Attributes startAttributes) {
    return HttpClientRequestAttempts.addTo(parentContext);
  }

  @Override
  public void onStart(AttributesBuilder attributes, Context parentContext, Object request) {}

  @Override
  public void onEnd(
      AttributesBuilder attributes,
      Context context,
      Object request,
      @Nullable Object response,
      @Nullable Throwable error) {
    HttpClientRequestAttempts attempts = HttpClientRequestAttempts.fromContext(context);
    if (attempts != null && attempts.resendCount() > 0) {
      attributes.put(HttpAttributes.HTTP_REQUEST_RESEND_COUNT, (long) attempts.resendCount());
    }
  }
}
