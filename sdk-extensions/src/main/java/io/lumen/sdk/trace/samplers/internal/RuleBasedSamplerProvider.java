package io.lumen.sdk.trace.samplers.internal;

import io.lumen.sdk.trace.samplers.RuleBasedSampler;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSamplerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.logging.Logger;

/**
 * {@code otel.traces.sampler=rule_based} with the rules in {@code otel.traces.sampler.rules}
 * ({@code OTEL_TRACES_SAMPLER_RULES}); see {@link RuleBasedSampler} for the syntax.
 *
 * <p>Invalid rules must not stop the application: they give one warning that names the key and
 * quotes the offending rule, and the SDK's default sampler.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class RuleBasedSamplerProvider implements ConfigurableSamplerProvider {

  private static final Logger logger = Logger.getLogger(RuleBasedSamplerProvider.class.getName());

  @Override
  public Sampler createSampler(ConfigProperties config) {
    String rules = config.getString(SamplerArgs.RULES);
    if (rules == null || rules.trim().isEmpty()) {
      logger.warning(
          "otel.traces.sampler=rule_based but "
              + SamplerArgs.RULES
              + " is not set. Using the default sampler, parentbased_always_on.");
      return SamplerArgs.DEFAULT_SAMPLER;
    }
    try {
      return RuleBasedSampler.parse(rules);
    } catch (IllegalArgumentException e) {
      logger.warning(
          "Ignoring "
              + SamplerArgs.RULES
              + "="
              + rules
              + " : "
              + e.getMessage()
              + ". Using the default sampler, parentbased_always_on.");
      return SamplerArgs.DEFAULT_SAMPLER;
    }
  }

  @Override
  public String getName() {
    return "rule_based";
  }
}
