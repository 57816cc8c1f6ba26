package io.lumen.testing.receiver;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OTLP/JSON, which is protobuf's JSON mapping except that trace and span ids are hex, not base64.
 * The ids are rewritten to base64 before {@link JsonFormat} parses the message.
 */
final class OtlpJson {

  /**
   * An id field and its hex value. Inside a JSON string value the quotes would be escaped, so
   * this matches fields only, never text that merely contains the word.
   */
  private static final Pattern HEX_ID =
      Pattern.compile("\"(traceId|spanId|parentSpanId)\"(\\s*:\\s*)\"([0-9a-fA-F]*)\"");

  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  static void merge(String json, Message.Builder builder) throws InvalidProtocolBufferException {
    PARSER.merge(hexIdsToBase64(json), builder);
  }

  static String print(Message message) throws InvalidProtocolBufferException {
    return JsonFormat.printer().print(message);
  }

  private static String hexIdsToBase64(String json) {
    Matcher matcher = HEX_ID.matcher(json);
    StringBuilder out = new StringBuilder(json.length());
    while (matcher.find()) {
      String hex = matcher.group(3);
      if (hex.length() % 2 != 0) {
        continue; // not an id; JsonFormat will reject it as base64
      }
      String base64 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
      matcher.appendReplacement(
          out,
          Matcher.quoteReplacement(
              "\"" + matcher.group(1) + "\"" + matcher.group(2) + "\"" + base64 + "\""));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private OtlpJson() {}
}
