package io.lumen.sdk.trace.samplers.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.extension.incubator.trace.samplers.ComposableSampler;
import io.opentelemetry.sdk.extension.incubator.trace.samplers.CompositeSampler;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.logging.Logger;

/**
 * {@code otel.traces.sampler=consistent_probability}: new traces are sampled with probability
 * {@code otel.traces.sampler.arg} (default 1.0) and the threshold is written to the trace state
 * ({@code ot=th:...}), so that every consistent sampler downstream agrees and backends can count
 * what was dropped. Spans with a parent follow it. Built on the OpenTelemetry SDK incubator's
 * composable samplers.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class ConsistentProbabilitySamplerProvider implements ConfigurableSamplerProvider {

  private static final Logger logger =
      Logger.getLogger(ConsistentProbabilitySamplerProvider.class.getName());

  @Override
  public Sampler createSampler(ConfigProperties config) {
    String arg = config.getString(SamplerArgs.ARG);
    double ratio = 1.0;
    if (arg != null) {
      try {
        ratio = Double.parseDouble(arg.trim());
      } catch (NumberFormatException e) {
        ratio = Double.NaN;
      }
      if (!(ratio >= 0 && ratio <= 1)) {
        logger.warning(
            SamplerArgs.ARG
                + "='"
                + arg
                + "' is not a ratio from 0 to 1 for the consistent_probability sampler."
                + " Using the default sampler, parentbased_always_on.");
        return SamplerArgs.DEFAULT_SAMPLER;
      }
    }
    ComposableSampler root =
        ratio == 0 ? ComposableSampler.alwaysOff() : ComposableSampler.probability(ratio);
    return CompositeSampler.wrap(ComposableSampler.parentThreshold(root));
  }

  @Override
  public String getName() {
    return "consistent_probability";
  }
}
