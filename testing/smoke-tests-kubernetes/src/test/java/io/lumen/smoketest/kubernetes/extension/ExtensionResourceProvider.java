package io.lumen.smoketest.kubernetes.extension;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;

/**
 * An agent extension as a platform team would ship one in an extension image: it adds a resource
 * attribute, so its presence on exported telemetry proves the agent loaded it from {@code
 * -Dotel.javaagent.extensions=<dir>}. Packaged into a jar at test time; never on the application's
 * class path.
 */
public final class ExtensionResourceProvider implements ResourceProvider {

  public static final String ATTRIBUTE = "lumen.test.extension";
  public static final String VALUE = "loaded from the extensions directory";

  @Override
  public Resource createResource(ConfigProperties config) {
    return Resource.create(Attributes.builder().put(ATTRIBUTE, VALUE).build());
  }
}
