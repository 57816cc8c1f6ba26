/** The agent part of the Jedis 3.x instrumentation; public classes here are advice. */
package io.lumen.instrumentation.jedis.v3_0.agent;
