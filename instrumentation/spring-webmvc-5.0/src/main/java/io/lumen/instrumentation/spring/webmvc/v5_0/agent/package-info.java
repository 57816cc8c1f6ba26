/**
 * The agent part of the Spring Web MVC instrumentation for Spring Framework 5 ({@code
 * javax.servlet}; relocated, for Spring Framework 6 on {@code jakarta.servlet}). Public only because
 * instrumented classes call the advice; not for applications to use.
 */
package io.lumen.instrumentation.spring.webmvc.v5_0.agent;
