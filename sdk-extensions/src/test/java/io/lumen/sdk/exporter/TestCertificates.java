package io.lumen.sdk.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Key;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A throw-away certificate authority, a server certificate for localhost/127.0.0.1 and a client
 * certificate, made with the JDK's keytool at test time: PKCS#12 key stores for the test server
 * and PEM files for the OTLP exporter's {@code certificate}, {@code client.key} and {@code
 * client.certificate} keys.
 */
final class TestCertificates {

  static final char[] PASSWORD = "lumen-test".toCharArray();

  final Path caPem;
  final Path serverKeyStore;
  final Path clientKeyPem;
  final Path clientCertificatePem;

  private TestCertificates(Path dir) {
    this.caPem = dir.resolve("ca.pem");
    this.serverKeyStore = dir.resolve("server.p12");
    this.clientKeyPem = dir.resolve("client-key.pem");
    this.clientCertificatePem = dir.resolve("client.pem");
  }

  static TestCertificates create(Path dir) throws Exception {
    TestCertificates certificates = new TestCertificates(dir);
    Path ca = dir.resolve("ca.p12");
    keytool(dir, "-genkeypair", "-keystore", ca, "-alias", "ca", "-dname", "CN=Lumen Test CA",
        "-ext", "bc:c");
    keytool(dir, "-exportcert", "-rfc", "-keystore", ca, "-alias", "ca", "-file", certificates.caPem);
    issue(dir, ca, certificates.serverKeyStore, "server", "CN=localhost",
        "san=dns:localhost,ip:127.0.0.1", "eku=serverAuth");
    Path client = dir.resolve("client.p12");
    issue(dir, ca, client, "client", "CN=lumen-test-client", null, "eku=clientAuth");
    keytool(dir, "-exportcert", "-rfc", "-keystore", client, "-alias", "client", "-file",
        certificates.clientCertificatePem);
    writePrivateKeyPem(client, "client", certificates.clientKeyPem);
    return certificates;
  }

  /** A key pair in {@code keyStore}, signed by the CA, with the CA certificate beside it. */
  private static void issue(Path dir, Path ca, Path keyStore, String alias, String dname,
      String san, String eku) throws Exception {
    keytool(dir, "-genkeypair", "-keystore", keyStore, "-alias", alias, "-dname", dname);
    Path csr = dir.resolve(alias + ".csr");
    Path signed = dir.resolve(alias + "-signed.pem");
    keytool(dir, "-certreq", "-keystore", keyStore, "-alias", alias, "-file", csr);
    List<Object> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-keystore", ca, "-alias",
        "ca", "-infile", csr, "-outfile", signed, "-ext", eku));
    if (san != null) {
      gencert.add("-ext");
      gencert.add(san);
    }
    keytool(dir, gencert.toArray());
    keytool(dir, "-importcert", "-noprompt", "-keystore", keyStore, "-alias", "ca", "-file",
        dir.resolve("ca.pem"));
    keytool(dir, "-importcert", "-keystore", keyStore, "-alias", alias, "-file", signed);
  }

  private static void writePrivateKeyPem(Path keyStore, String alias, Path pem)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PASSWORD);
    }
    Key key = store.getKey(alias, PASSWORD);
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded()); // PKCS#8
    Files.write(pem, ("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII));
  }

  private static void keytool(Path dir, Object... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
    for (Object argument : arguments) {
      command.add(argument.toString());
    }
    boolean generatesKey = command.contains("-genkeypair");
    if (generatesKey) {
      command.addAll(List.of("-keyalg", "RSA", "-keysize", "2048", "-validity", "2"));
    }
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", new String(PASSWORD)));
    if (generatesKey) {
      command.addAll(List.of("-keypass", new String(PASSWORD)));
    }
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + command + "\n" + output);
    }
  }
}
