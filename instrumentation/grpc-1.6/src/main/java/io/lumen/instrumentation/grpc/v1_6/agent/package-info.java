/** The agent part of the gRPC instrumentation; public classes here are advice. */
package io.lumen.instrumentation.grpc.v1_6.agent;
