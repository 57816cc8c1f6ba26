package io.lumen.instrumentation.javahttpserver.agent;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/**
 * An {@code HttpServer} provider of the kind the agent must also handle: one that hands every call
 * to another server, which may itself be instrumented.
 */
public class DelegatingHttpServer extends HttpServer {

  private final HttpServer delegate;

  public DelegatingHttpServer(HttpServer delegate) {
    this.delegate = delegate;
  }

  @Override
  public void bind(InetSocketAddress address, int backlog) throws IOException {
    delegate.bind(address, backlog);
  }

  @Override
  public void start() {
    delegate.start();
  }

  @Override
  public void setExecutor(Executor executor) {
    delegate.setExecutor(executor);
  }

  @Override
  public Executor getExecutor() {
    return delegate.getExecutor();
  }

  @Override
  public void stop(int delay) {
    delegate.stop(delay);
  }

  @Override
  public HttpContext createContext(String path, HttpHandler handler) {
    return delegate.createContext(path, handler);
  }

  @Override
  public HttpContext createContext(String path) {
    return delegate.createContext(path);
  }

  @Override
  public void removeContext(String path) {
    delegate.removeContext(path);
  }

  @Override
  public void removeContext(HttpContext context) {
    delegate.removeContext(context);
  }

  @Override
  public InetSocketAddress getAddress() {
    return delegate.getAddress();
  }
}
