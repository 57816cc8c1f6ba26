/**
 * The agent part of the Apache HttpClient 5 instrumentation: it adds the library's exec chain
 * handlers to every client builder. Public only because instrumented classes call the advice; not
 * for applications to use (in library mode, use {@link
 * io.lumen.instrumentation.apachehttpclient.v5_0.ApacheHttpClient5Telemetry}).
 */
package io.lumen.instrumentation.apachehttpclient.v5_0.agent;
