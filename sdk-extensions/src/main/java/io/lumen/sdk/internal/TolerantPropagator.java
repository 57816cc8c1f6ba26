package io.lumen.sdk.internal;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * Makes sure a propagator never fails the request it runs in: headers come from anyone on the
 * network, and a propagator that throws on a malformed one (as the Jaeger propagator of
 * opentelemetry-extension-trace-propagators 1.65.0 does on a bad {@code %} escape in {@code
 * uber-trace-id}) would break the application's request handling, not just its tracing.
 *
 * <p>On an exception, extraction returns the context it was given (what a propagator that found
 * no header returns) and injection leaves the carrier as far as it got. The first failure of each
 * propagator is logged at FINE, with the exception; later ones are not logged.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class TolerantPropagator implements TextMapPropagator {

  private static final Logger logger = Logger.getLogger(TolerantPropagator.class.getName());

  private final TextMapPropagator delegate;
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  private TolerantPropagator(TextMapPropagator delegate) {
    this.delegate = delegate;
  }

  /** Wraps {@code propagator}, unless it is already wrapped. */
  public static TextMapPropagator wrap(TextMapPropagator propagator) {
    return propagator instanceof TolerantPropagator ? propagator : new TolerantPropagator(propagator);
  }

  @Override
  public Collection<String> fields() {
    return delegate.fields();
  }

  @Override
  public <C> void inject(Context context, @Nullable C carrier, TextMapSetter<C> setter) {
    try {
      delegate.inject(context, carrier, setter);
    } catch (RuntimeException e) {
      logFirstFailure("inject", e);
    }
  }

  @Override
  public <C> Context extract(Context context, @Nullable C carrier, TextMapGetter<C> getter) {
    try {
      return delegate.extract(context, carrier, getter);
    } catch (RuntimeException e) {
      logFirstFailure("extract", e);
      return context;
    }
  }

  private void logFirstFailure(String operation, RuntimeException e) {
    if (failureLogged.compareAndSet(false, true)) {
      logger.log(
          Level.FINE,
          delegate + " failed to " + operation + " (malformed header?); ignoring it. Further"
              + " failures of this propagator are not logged.",
          e);
    }
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}
