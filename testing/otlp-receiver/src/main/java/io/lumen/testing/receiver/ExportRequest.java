package io.lumen.testing.receiver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one export reached the receiver: over which transport, compressed or not, with which
 * headers. Tests of exporter configuration (protocol, compression, authentication headers) assert
 * on this rather than on the telemetry itself.
 *
 * @param signal what was exported
 * @param transport how it was sent
 * @param headers request headers (gRPC metadata for gRPC), keys in lower case
 * @param contentEncoding {@code gzip} for compressed requests, otherwise {@code identity}
 */
public record ExportRequest(
    Signal signal, Transport transport, Map<String, List<String>> headers, String contentEncoding) {

  /** The wire protocols the receiver accepts. */
  public enum Transport {
    GRPC,
    HTTP_PROTOBUF,
    HTTP_JSON
  }

  public ExportRequest {
    Map<String, List<String>> copy = new TreeMap<>();
    headers.forEach(
        (name, values) ->
            copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
    copy.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(copy);
  }

  /** The first value of the header {@code name} (case-insensitive), or null if it was not sent. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Whether the request body was gzip-compressed. */
  public boolean isCompressed() {
    return "gzip".equalsIgnoreCase(contentEncoding);
  }
}
