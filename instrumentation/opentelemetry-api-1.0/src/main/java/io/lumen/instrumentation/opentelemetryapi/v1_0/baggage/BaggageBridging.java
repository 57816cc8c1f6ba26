package io.lumen.instrumentation.opentelemetryapi.v1_0.baggage;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;

/**
 * Copies baggage between the application's API and the agent's, entries and their metadata. Baggage
 * is immutable on both sides, so a copy is as good as the original.
 *
 * <p>Internal to the bridge; not an API.
 */
public final class BaggageBridging {

  private BaggageBridging() {}

  public static Baggage toAgent(
      application.io.opentelemetry.api.baggage.Baggage applicationBaggage) {
    if (applicationBaggage == null || applicationBaggage.isEmpty()) {
      return Baggage.empty();
    }
    BaggageBuilder builder = Baggage.builder();
    applicationBaggage.forEach(
        (key, entry) ->
            builder.put(
                key,
                entry.getValue(),
                BaggageEntryMetadata.create(entry.getMetadata().getValue())));
    return builder.build();
  }

  public static application.io.opentelemetry.api.baggage.Baggage toApplication(
      Baggage agentBaggage) {
    if (agentBaggage.isEmpty()) {
      return application.io.opentelemetry.api.baggage.Baggage.empty();
    }
    application.io.opentelemetry.api.baggage.BaggageBuilder builder =
        application.io.opentelemetry.api.baggage.Baggage.builder();
    agentBaggage.forEach(
        (key, entry) ->
            builder.put(
                key,
                entry.getValue(),
                application.io.opentelemetry.api.baggage.BaggageEntryMetadata.create(
                    entry.getMetadata().getValue())));
    return builder.build();
  }
}
