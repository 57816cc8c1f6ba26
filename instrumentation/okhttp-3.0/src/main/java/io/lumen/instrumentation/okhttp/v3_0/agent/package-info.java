/**
 * The agent part of the OkHttp instrumentation: it adds the library's interceptor to every client.
 * Public only because instrumented OkHttp classes call the advice; not for applications to use (in
 * library mode, use {@link io.lumen.instrumentation.okhttp.v3_0.OkHttpTelemetry}).
 */
package io.lumen.instrumentation.okhttp.v3_0.agent;
