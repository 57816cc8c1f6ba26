package io.lumen.smoketest.reliability.apps.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The webapp's one servlet. {@link io.lumen.smoketest.reliability.apps.TomcatRedeployApp} copies
 * its class file into each deployment's {@code WEB-INF/classes}, so that every deployment loads it
 * in its own webapp class loader. It answers with that loader's identity.
 */
public final class HelloServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("text/plain");
    response
        .getWriter()
        .write("hello from " + System.identityHashCode(getClass().getClassLoader()));
  }
}
