/**
 * The Apache HttpClient 4 instrumentation, agent only. Public only because instrumented classes
 * call the advice; not for applications to use.
 */
package io.lumen.instrumentation.apachehttpclient.v4_0.agent;
