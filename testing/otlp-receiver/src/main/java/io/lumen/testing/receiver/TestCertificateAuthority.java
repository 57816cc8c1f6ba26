package io.lumen.testing.receiver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority for TLS tests: it issues server and client certificates as
 * PEM files, the format both {@link OtlpReceiverBuilder#setTls} and OpenTelemetry exporters ({@code
 * OTEL_EXPORTER_OTLP_CERTIFICATE}, {@code _CLIENT_CERTIFICATE}, {@code _CLIENT_KEY}) read.
 *
 * <p>Certificates are made at test time with the running JDK's {@code keytool}, so no key material
 * is checked in and nothing beyond a JDK is needed. They are valid from now for a few days: long
 * enough for any test run, short enough to be worthless outside it.
 *
 * <pre>{@code
 * TestCertificateAuthority ca = TestCertificateAuthority.create(tempDir);
 * TestCertificateAuthority.Issued server = ca.issueServerCertificate("receiver", "127.0.0.1");
 * TestCertificateAuthority.Issued client = ca.issueClientCertificate("app");
 * OtlpReceiver receiver = OtlpReceiver.builder()
 *     .setTls(server.certificate(), server.privateKey())
 *     .setClientCertificateAuthority(ca.certificate())
 *     .start();
 * }</pre>
 */
public final class TestCertificateAuthority {

  /** A certificate this authority issued and its private key, both PEM files. */
  public record Issued(Path certificate, Path privateKey) {}

  private static final String PASSWORD = "lumen-test";
  private static final String VALIDITY_DAYS = "3";
  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

  private final Path directory;
  private final Path keyStore;
  private final Path certificate;

  private TestCertificateAuthority(Path directory, Path keyStore, Path certificate) {
    this.directory = directory;
    this.keyStore = keyStore;
    this.certificate = certificate;
  }

  /**
   * Creates a new authority whose files (and those of the certificates it issues) go to {@code
   * directory}.
   *
   * @throws UncheckedIOException if {@code keytool} fails
   */
  public static TestCertificateAuthority create(Path directory) {
    try {
      Files.createDirectories(directory);
      Path keyStore = directory.resolve("ca.p12");
      keytool(
          "-genkeypair", "-keystore", keyStore, "-alias", "ca", "-dname", "CN=Lumen test CA",
          "-ext", "bc:c", "-keyalg", "RSA", "-keysize", "2048", "-validity", VALIDITY_DAYS);
      Path certificate = directory.resolve("ca.crt");
      keytool(
          "-exportcert", "-rfc", "-keystore", keyStore, "-alias", "ca", "-file", certificate);
      return new TestCertificateAuthority(directory, keyStore, certificate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This authority's own certificate (PEM): what clients and servers trust. */
  public Path certificate() {
    return certificate;
  }

  /**
   * Issues a server certificate for {@code localhost} and the given IP addresses (for example the
   * address a receiver listens on).
   */
  public Issued issueServerCertificate(String name, String... ipAddresses) {
    StringBuilder names = new StringBuilder("san=dns:localhost");
    for (String ipAddress : ipAddresses) {
      names.append(",ip:").append(ipAddress);
    }
    return issue(name, names.toString(), "eku=serverAuth");
  }

  /** Issues a client certificate, for mutual TLS. */
  public Issued issueClientCertificate(String name) {
    return issue(name, "eku=clientAuth", "ku=digitalSignature,keyEncipherment");
  }

  private Issued issue(String name, String... extensions) {
    try {
      Path keys = directory.resolve(name + ".p12");
      keytool(
          "-genkeypair", "-keystore", keys, "-alias", name, "-dname", "CN=" + name,
          "-keyalg", "RSA", "-keysize", "2048", "-validity", VALIDITY_DAYS);
      Path request = directory.resolve(name + ".csr");
      keytool("-certreq", "-keystore", keys, "-alias", name, "-file", request);
      Path issued = directory.resolve(name + ".crt");
      List<Object> gencert = new ArrayList<>(List.of(
          "-gencert", "-rfc", "-keystore", keyStore, "-alias", "ca",
          "-infile", request, "-outfile", issued, "-validity", VALIDITY_DAYS));
      for (String extension : extensions) {
        gencert.add("-ext");
        gencert.add(extension);
      }
      keytool(gencert.toArray());
      Path privateKey = directory.resolve(name + ".key");
      Files.writeString(privateKey, pkcs8Pem(keys, name), StandardCharsets.US_ASCII);
      return new Issued(issued, privateKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** keytool cannot export a private key; the key store API can, as PKCS#8. */
  private static String pkcs8Pem(Path keys, String alias) throws IOException {
    try (InputStream in = Files.newInputStream(keys)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      Key key = store.getKey(alias, PASSWORD.toCharArray());
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot read the key of " + alias + " from " + keys, e);
    }
  }

  private static void keytool(Object... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    for (Object argument : arguments) {
      command.add(argument.toString());
    }
    // PKCS#12 stores use the store password for their keys too.
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD, "-noprompt"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool did not finish: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "keytool failed (exit " + process.exitValue() + "): " + String.join(" ", command)
              + "\n" + output);
    }
  }
}
