package io.lumen.testing.receiver;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The receiver's TLS material, as PEM files: the form OpenTelemetry exporters read theirs in
 * ({@code OTEL_EXPORTER_OTLP_CERTIFICATE}, {@code _CLIENT_KEY}, {@code _CLIENT_CERTIFICATE}), so
 * one set of generated files serves both sides of a test.
 *
 * @param certificateChain the server's certificate chain, leaf first
 * @param privateKey the server's private key, PKCS#8 ({@code BEGIN PRIVATE KEY}), RSA or EC
 * @param clientCertificateAuthority when not null, clients must present a certificate it issued
 */
record ReceiverTls(
    Path certificateChain, Path privateKey, Path clientCertificateAuthority) {

  private static final char[] NO_PASSWORD = new char[0];

  /** For the gRPC endpoint. */
  ServerCredentials grpcCredentials() throws IOException {
    TlsServerCredentials.Builder credentials =
        TlsServerCredentials.newBuilder()
            .keyManager(certificateChain.toFile(), privateKey.toFile());
    if (clientCertificateAuthority != null) {
      credentials
          .trustManager(clientCertificateAuthority.toFile())
          .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    }
    return credentials.build();
  }

  /** For the HTTP endpoint (the JDK's HTTPS server). */
  SSLContext sslContext() throws IOException {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "receiver",
          readPrivateKey(privateKey),
          NO_PASSWORD,
          readCertificates(certificateChain).toArray(new Certificate[0]));
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, NO_PASSWORD);

      TrustManagerFactory trustManagers = null;
      if (clientCertificateAuthority != null) {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int i = 0;
        for (Certificate certificate : readCertificates(clientCertificateAuthority)) {
          trusted.setCertificateEntry("client-ca-" + i++, certificate);
        }
        trustManagers =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          keyManagers.getKeyManagers(),
          trustManagers == null ? null : trustManagers.getTrustManagers(),
          null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot use " + certificateChain + " and " + privateKey + ": " + e, e);
    }
  }

  private static Collection<? extends Certificate> readCertificates(Path pem)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
  }

  private static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
    String text = Files.readString(pem, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN PRIVATE KEY-----";
    int start = text.indexOf(begin);
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (start < 0 || end < start) {
      throw new IOException(pem + " holds no PKCS#8 private key (-----BEGIN PRIVATE KEY-----)");
    }
    byte[] der =
        Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end).trim());
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    // PKCS#8 names the algorithm inside; the JDK still wants it up front, so try the usual two.
    for (String algorithm : new String[] {"RSA", "EC"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (InvalidKeySpecException notThisAlgorithm) {
        // next
      }
    }
    throw new IOException(pem + " holds a private key that is neither RSA nor EC");
  }
}
