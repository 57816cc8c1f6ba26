/** Shared by library mode and the agent. Internal: not for applications to use. */
package io.lumen.instrumentation.jdbc.internal;
