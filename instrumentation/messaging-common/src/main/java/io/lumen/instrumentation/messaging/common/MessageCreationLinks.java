package io.lumen.instrumentation.messaging.common;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.instrumentation.api.instrumenter.SpanLinksExtractor;
import java.util.function.Function;

/**
 * Links a receive span to the context each of its messages was sent in, as the messaging
 * conventions ask of an operation that takes several messages at once: a batch has many producers,
 * so none of them can be the parent.
 */
public final class MessageCreationLinks {

  private MessageCreationLinks() {}

  /**
   * @param messages the messages of a request, in the order they were received
   * @param headerGetter reads a message's propagation headers
   */
  public static <REQUEST, MESSAGE> SpanLinksExtractor<REQUEST> create(
      TextMapPropagator propagator,
      Function<REQUEST, Iterable<MESSAGE>> messages,
      TextMapGetter<MESSAGE> headerGetter) {
    return (links, parentContext, request) -> {
      for (MESSAGE message : messages.apply(request)) {
        SpanContext creation =
            Span.fromContext(propagator.extract(Context.root(), message, headerGetter))
                .getSpanContext();
        if (creation.isValid()) {
          links.addLink(creation);
        }
      }
    };
  }
}
