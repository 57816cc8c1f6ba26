/**
 * The agent part of the Spring Web MVC instrumentation for Spring Framework 6 ({@code
 * jakarta.servlet}). Public only because instrumented classes call the advice; not for
 * applications to use.
 */
package io.lumen.instrumentation.spring.webmvc.v6_0.agent;
