package io.lumen.sdk.exporter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS front for the plain-text OTLP test receiver, as a TLS-terminating load balancer or a
 * collector with a certificate would be: it completes the handshake (requiring a client
 * certificate signed by the test CA, for mTLS) and then passes the decrypted bytes through.
 * HTTP/2 for gRPC or HTTP/1.1 for OTLP/HTTP is agreed by ALPN, as with a real server.
 */
final class TlsTerminatingProxy implements AutoCloseable {

  private final SSLServerSocket serverSocket;
  private final int targetPort;
  private final AtomicInteger handshakes = new AtomicInteger();
  private final AtomicInteger failedHandshakes = new AtomicInteger();
  private final Thread acceptor;

  TlsTerminatingProxy(TestCertificates certificates, boolean requireClientCertificate,
      String applicationProtocol, int targetPort) throws Exception {
    this.targetPort = targetPort;
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(certificates.serverKeyStore)) {
      keyStore.load(in, TestCertificates.PASSWORD);
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keyStore, TestCertificates.PASSWORD);
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trustStore(certificates.caPem));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);

    serverSocket = (SSLServerSocket) context.getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    SSLParameters parameters = serverSocket.getSSLParameters();
    parameters.setApplicationProtocols(new String[] {applicationProtocol});
    parameters.setNeedClientAuth(requireClientCertificate);
    serverSocket.setSSLParameters(parameters);
    acceptor = new Thread(this::acceptLoop, "tls-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  int handshakes() {
    return handshakes.get();
  }

  int failedHandshakes() {
    return failedHandshakes.get();
  }

  private static KeyStore trustStore(Path caPem) throws Exception {
    KeyStore trustStore = KeyStore.getInstance("PKCS12");
    trustStore.load(null, null);
    try (InputStream in = Files.newInputStream(caPem)) {
      trustStore.setCertificateEntry("ca",
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    return trustStore;
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      SSLSocket client;
      try {
        client = (SSLSocket) serverSocket.accept();
      } catch (IOException e) {
        return; // closed
      }
      Thread connection = new Thread(() -> serve(client), "tls-proxy-connection");
      connection.setDaemon(true);
      connection.start();
    }
  }

  private void serve(SSLSocket client) {
    try (SSLSocket tls = client;
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
      try {
        tls.startHandshake();
        handshakes.incrementAndGet();
      } catch (IOException e) {
        failedHandshakes.incrementAndGet();
        return;
      }
      Thread upstream = pump(tls.getInputStream(), target.getOutputStream(), target);
      pump(target.getInputStream(), tls.getOutputStream(), tls).join();
      upstream.join();
    } catch (IOException | InterruptedException e) {
      // The connection ended; nothing to clean up beyond the sockets.
    }
  }

  private static Thread pump(InputStream from, OutputStream to, Socket toSocket) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try {
        int read;
        while ((read = from.read(buffer)) >= 0) {
          to.write(buffer, 0, read);
          to.flush();
        }
      } catch (IOException e) {
        // One side went away.
      } finally {
        try {
          toSocket.close();
        } catch (IOException ignored) {
          // already closed
        }
      }
    }, "tls-proxy-pump");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
