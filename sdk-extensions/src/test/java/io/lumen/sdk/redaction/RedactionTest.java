package io.lumen.sdk.redaction;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactionTest {

  private final Redaction redaction = Redaction.getDefault();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "db.password",
        "user_password",
        "passwd",
        "client_secret",
        "app.secret",
        "oauth.access_token",
        "refresh-token",
        "http.request.header.authorization",
        "http.request.header.proxy-authorization",
        "http.request.header.x-api-key",
        "api_key",
        "apiKey",
        "http.request.header.cookie",
        "http.response.header.set-cookie",
        "DB.PASSWORD",
      })
  void sensitiveKeys(String key) {
    assertThat(redaction.isSensitiveKey(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gen_ai.usage.input_tokens",
        "gen_ai.usage.output_tokens",
        "http.response.status_code",
        "http.request.method",
        "url.path",
        "user.id",
        "tokenizer.name",
        "password_policy.min_length",
      })
  void ordinaryKeys(String key) {
    assertThat(redaction.isSensitiveKey(key)).isFalse();
  }

  @Test
  void stringsAndStringArraysAreRedactedNumbersAreKept() {
    Attributes attributes =
        Attributes.builder()
            .put(stringKey("db.password"), "hunter2")
            .put(stringArrayKey("http.request.header.authorization"), Arrays.asList("Bearer abc", "Basic xyz"))
            .put(longKey("gen_ai.usage.input_tokens"), 1234L)
            .put(longKey("pin.password"), 1234L)
            .put(stringKey("http.request.method"), "GET")
            .build();

    Attributes redacted = redaction.redact(attributes);

    assertThat(redacted.get(stringKey("db.password"))).isEqualTo("REDACTED");
    assertThat(redacted.get(stringArrayKey("http.request.header.authorization")))
        .containsExactly("REDACTED", "REDACTED");
    assertThat(redacted.get(longKey("gen_ai.usage.input_tokens"))).isEqualTo(1234L);
    assertThat(redacted.get(longKey("pin.password"))).isEqualTo(1234L);
    assertThat(redacted.get(stringKey("http.request.method"))).isEqualTo("GET");
    assertThat(redacted.size()).isEqualTo(attributes.size());
    // Nothing left to do the second time.
    assertThat(redaction.redact(redacted)).isSameAs(redacted);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://alice:s3cret@shop.example.com/cart | https://REDACTED:REDACTED@shop.example.com/cart",
        "https://token@api.example.com/v1?x=1 | https://REDACTED:REDACTED@api.example.com/v1?x=1",
        "https://bucket.s3.amazonaws.com/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20240101&X-Amz-Signature=abcdef | https://bucket.s3.amazonaws.com/a.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=REDACTED&X-Amz-Signature=REDACTED",
        "https://storage.googleapis.com/b/o?X-Goog-Signature=0a1b&X-Goog-Date=20240101 | https://storage.googleapis.com/b/o?X-Goog-Signature=REDACTED&X-Goog-Date=20240101",
        "https://acct.blob.core.windows.net/c/f?sv=2022&sig=abc%2Bdef&se=2030#frag | https://acct.blob.core.windows.net/c/f?sv=2022&sig=REDACTED&se=2030#frag",
        "https://s3.amazonaws.com/b/k?AWSAccessKeyId=AKIA1&Signature=xyz&Expires=1 | https://s3.amazonaws.com/b/k?AWSAccessKeyId=REDACTED&Signature=REDACTED&Expires=1",
        "/login?user=bob&password=hunter2&next=/home | /login?user=bob&password=REDACTED&next=/home",
        "https://example.com/search?q=token+count&page=2 | https://example.com/search?q=token+count&page=2",
        "https://example.com/a@b/c | https://example.com/a@b/c",
        "https://example.com/?sig= | https://example.com/?sig=",
      })
  void urlsLoseUserInfoAndSignatures(String url, String masked) {
    assertThat(redaction.maskUrl(url)).isEqualTo(masked);
    Attributes redacted = redaction.redact(Attributes.of(stringKey("url.full"), url));
    assertThat(redacted.get(stringKey("url.full"))).isEqualTo(masked);
  }

  @Test
  void queryAttribute() {
    Attributes redacted =
        redaction.redact(Attributes.of(stringKey("url.query"), "sv=2022&sig=abc&access_token=t0k3n&q=x"));
    assertThat(redacted.get(stringKey("url.query")))
        .isEqualTo("sv=2022&sig=REDACTED&access_token=REDACTED&q=x");
  }

  @Test
  void customRules() {
    Redaction custom =
        Redaction.builder()
            .setSensitiveKeys(List.of("ssn"))
            .setUrlKeys(List.of("app.callback"))
            .addSensitiveQueryParameters(List.of("session"))
            .build();
    assertThat(custom.isSensitiveKey("customer.ssn")).isTrue();
    assertThat(custom.isSensitiveKey("db.password")).isFalse();
    Redaction withWholeKey = Redaction.builder().addSensitiveKeys(List.of("User.Email")).build();
    assertThat(withWholeKey.isSensitiveKey("user.email")).isTrue();
    assertThat(withWholeKey.isSensitiveKey("user.email.domain")).isFalse();
    assertThat(withWholeKey.isSensitiveKey("db.password")).isTrue();
    assertThat(custom.redact(Attributes.of(stringKey("app.callback"), "https://x/cb?session=abc")).get(stringKey("app.callback")))
        .isEqualTo("https://x/cb?session=REDACTED");
    assertThat(custom.redact(Attributes.of(stringKey("url.full"), "https://x/cb?sig=abc")).get(stringKey("url.full")))
        .isEqualTo("https://x/cb?sig=abc");
  }
}
