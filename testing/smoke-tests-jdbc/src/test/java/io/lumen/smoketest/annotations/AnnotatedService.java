package io.lumen.smoketest.annotations;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An application's own service, traced by annotations only. */
public class AnnotatedService {

  @WithSpan
  public void plain() {}

  @WithSpan("custom name")
  public void named() {}

  @WithSpan(kind = SpanKind.CLIENT)
  public void client() {}

  @WithSpan(kind = SpanKind.CONSUMER)
  public void consumer() {}

  @WithSpan
  public String attributes(
      @SpanAttribute("user.id") long userId,
      @SpanAttribute String userName,
      @SpanAttribute("roles") List<String> roles,
      @SpanAttribute("ratio") double ratio,
      @SpanAttribute("active") boolean active,
      @SpanAttribute("absent") String absent,
      String notAnAttribute) {
    return userName;
  }

  @WithSpan
  public void fails() {
    throw new IllegalStateException("boom");
  }

  @WithSpan
  public void outer() {
    inner();
  }

  @WithSpan
  public void inner() {}

  @WithSpan(inheritContext = false)
  public void detached() {}

  /** Returns before the work is done: the span lasts until the future completes. */
  @WithSpan
  public CompletableFuture<String> async(CompletableFuture<String> result) {
    return result;
  }

  @WithSpan
  public static void staticMethod() {}

  @WithSpan("marker")
  public void marker() {}
}
