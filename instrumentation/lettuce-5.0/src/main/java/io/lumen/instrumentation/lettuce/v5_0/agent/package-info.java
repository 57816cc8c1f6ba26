/** The agent part of the Lettuce instrumentation; public classes here are advice. */
package io.lumen.instrumentation.lettuce.v5_0.agent;
