package io.lumen.sdk.resources;

import io.lumen.sdk.internal.LumenVersion;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ResourceProvider;
import io.opentelemetry.sdk.resources.Resource;

/**
 * Adds {@code telemetry.distro.name=lumen} and {@code telemetry.distro.version}, so that a backend
 * can tell telemetry from Lumen apart from that of the upstream SDK or agent (whose version is in
 * {@code telemetry.sdk.version}).
 */
public final class DistroResourceProvider implements ResourceProvider {

  static final AttributeKey<String> TELEMETRY_DISTRO_NAME =
      AttributeKey.stringKey("telemetry.distro.name");
  static final AttributeKey<String> TELEMETRY_DISTRO_VERSION =
      AttributeKey.stringKey("telemetry.distro.version");

  @Override
  public Resource createResource(ConfigProperties config) {
    return Resource.create(
        Attributes.of(
            TELEMETRY_DISTRO_NAME, "lumen", TELEMETRY_DISTRO_VERSION, LumenVersion.VERSION));
  }
}
