/**
 * The {@code HttpURLConnection} instrumentation, agent only. Public only because instrumented JDK
 * classes call the advice; not for applications to use.
 */
package io.lumen.instrumentation.httpurlconnection.agent;
