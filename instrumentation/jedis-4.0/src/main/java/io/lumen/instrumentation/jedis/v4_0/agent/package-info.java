/** The agent part of the Jedis 4.x and 5.x instrumentation; public classes here are advice. */
package io.lumen.instrumentation.jedis.v4_0.agent;
