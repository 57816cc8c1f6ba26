package io.lumen.sdk.trace.samplers.internal;

import io.lumen.sdk.trace.samplers.RateLimitingSampler;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.logging.Logger;

/**
 * {@code otel.traces.sampler=rate_limiting}: at most {@code otel.traces.sampler.arg} new traces per
 * second (default 10); spans with a parent follow it.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class RateLimitingSamplerProvider implements ConfigurableSamplerProvider {

  private static final Logger logger =
      Logger.getLogger(RateLimitingSamplerProvider.class.getName());

  static final double DEFAULT_TRACES_PER_SECOND = 10;

  @Override
  public Sampler createSampler(ConfigProperties config) {
    String arg = config.getString(SamplerArgs.ARG);
    double perSecond = DEFAULT_TRACES_PER_SECOND;
    if (arg != null) {
      try {
        perSecond = Double.parseDouble(arg.trim());
      } catch (NumberFormatException e) {
        perSecond = Double.NaN;
      }
      if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
        logger.warning(
            SamplerArgs.ARG
                + "='"
                + arg
                + "' is not a positive number of traces per second for the rate_limiting"
                + " sampler. Using the default sampler, parentbased_always_on.");
        return SamplerArgs.DEFAULT_SAMPLER;
      }
    }
    return Sampler.parentBased(RateLimitingSampler.create(perSecond));
  }

  @Override
  public String getName() {
    return "rate_limiting";
  }
}
