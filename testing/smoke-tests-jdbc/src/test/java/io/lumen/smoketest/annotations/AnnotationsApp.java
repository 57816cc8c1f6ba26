package io.lumen.smoketest.annotations;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Calls the annotated and the configured methods once each, in the order the test expects. */
public final class AnnotationsApp {

  public static void main(String[] args) throws Exception {
    AnnotatedService service = new AnnotatedService();
    service.plain();
    service.named();
    service.client();
    service.consumer();
    service.attributes(42L, "ada", List.of("admin", "dev"), 0.5, true, null, "not recorded");
    try {
      service.fails();
    } catch (IllegalStateException expected) {
      // recorded on the span
    }
    service.outer();
    AnnotatedService.staticMethod();

    // A detached span under a traced call starts a trace of its own.
    new Caller().call(service::detached);

    // The span of an async method ends when its future completes, after the marker.
    CompletableFuture<String> result = new CompletableFuture<>();
    CompletableFuture<String> returned = service.async(result);
    service.marker();
    result.complete("done");
    returned.join();

    CompletableFuture<String> failing = new CompletableFuture<>();
    service.async(failing);
    failing.completeExceptionally(new java.io.UncheckedIOException(new java.io.IOException("late failure")));

    PlainService plain = new PlainService();
    plain.foo();
    try {
      plain.bar();
    } catch (IllegalArgumentException expected) {
      // recorded on the span
    }
    plain.notListed();
    new FriendlyGreeter().greet("lumen");
    System.out.println("DONE");
  }

  /** A traced caller, to show that {@code inheritContext = false} ignores it. */
  public static final class Caller {
    @io.opentelemetry.instrumentation.annotations.WithSpan("caller")
    public void call(Runnable body) {
      body.run();
    }
  }
}
