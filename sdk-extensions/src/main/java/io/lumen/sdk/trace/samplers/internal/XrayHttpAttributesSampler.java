package io.lumen.sdk.trace.samplers.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.contrib.awsxray.AwsXrayRemoteSampler;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.opentelemetry.semconv.HttpAttributes;
import io.opentelemetry.semconv.ServerAttributes;
import io.opentelemetry.semconv.UrlAttributes;
import java.util.List;

/**
 * Lets the rules of the {@code xray} sampler match Lumen's spans by URL path, HTTP method and host.
 *
 * <p>The X-Ray remote sampler of opentelemetry-aws-xray matches a rule's {@code URLPath}, {@code
 * HTTPMethod} and {@code Host} against the HTTP attribute names of the semantic conventions before
 * 1.21 ({@code http.target}, {@code http.url}, {@code http.method}, {@code net.host.name}). Lumen
 * records the stable names ({@code url.path}, {@code http.request.method}, {@code
 * server.address}...), so without this any rule naming a path, method or host would never match.
 * The sampler is handed both names for its decision; the span keeps only the stable ones.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public final class XrayHttpAttributesSampler implements Sampler {

  private static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.method");
  private static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");
  private static final AttributeKey<String> HTTP_URL = AttributeKey.stringKey("http.url");
  private static final AttributeKey<String> NET_HOST_NAME = AttributeKey.stringKey("net.host.name");

  private final Sampler xray;

  private XrayHttpAttributesSampler(Sampler xray) {
    this.xray = xray;
  }

  /**
   * A sampler customizer: the {@code xray} sampler, made to see both attribute names; any other
   * sampler unchanged.
   */
  public static Sampler customize(Sampler configured, ConfigProperties unused) {
    return configured instanceof AwsXrayRemoteSampler
        ? new XrayHttpAttributesSampler(configured)
        : configured;
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext,
      String traceId,
      String name,
      SpanKind spanKind,
      Attributes attributes,
      List<LinkData> parentLinks) {
    return xray.shouldSample(
        parentContext, traceId, name, spanKind, withRuleNames(attributes), parentLinks);
  }

  static Attributes withRuleNames(Attributes attributes) {
    String method = attributes.get(HttpAttributes.HTTP_REQUEST_METHOD);
    String path = attributes.get(UrlAttributes.URL_PATH);
    String url = attributes.get(UrlAttributes.URL_FULL);
    String host = attributes.get(ServerAttributes.SERVER_ADDRESS);
    if (method == null && path == null && url == null && host == null) {
      return attributes;
    }
    AttributesBuilder builder = attributes.toBuilder();
    if (method != null && attributes.get(HTTP_METHOD) == null) {
      builder.put(HTTP_METHOD, method);
    }
    if (path != null && attributes.get(HTTP_TARGET) == null) {
      String query = attributes.get(UrlAttributes.URL_QUERY);
      builder.put(HTTP_TARGET, query == null ? path : path + "?" + query);
    }
    if (url != null && attributes.get(HTTP_URL) == null) {
      builder.put(HTTP_URL, url);
    }
    if (host != null && attributes.get(NET_HOST_NAME) == null) {
      builder.put(NET_HOST_NAME, host);
    }
    return builder.build();
  }

  @Override
  public String getDescription() {
    return "XrayHttpAttributesSampler{" + xray.getDescription() + "}";
  }

  @Override
  public String toString() {
    return getDescription();
  }
}
