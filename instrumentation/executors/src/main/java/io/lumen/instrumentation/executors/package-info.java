/**
 * Context propagation across threads, agent only. Public classes here are advice, public only
 * because instrumented JDK and application classes call them; nothing here is for applications to
 * use (in library mode, wrap executors with {@code Context.taskWrapping(executor)}).
 */
package io.lumen.instrumentation.executors;
