/**
 * The server-span logic shared by Lumen's Servlet instrumentations ({@code javax.servlet} and
 * {@code jakarta.servlet}), written once against {@link
 * io.lumen.instrumentation.servlet.internal.ServletAccessor}. Internal: its types may change in any
 * release; applications use the version modules' {@code ServletTelemetry} instead.
 */
@ParametersAreNonnullByDefault
package io.lumen.instrumentation.servlet.internal;

import javax.annotation.ParametersAreNonnullByDefault;
