/**
 * What the library wrapper and the agent's advice share. Public only so that the agent part can use
 * it; not for applications, and it may change in any release.
 */
package io.lumen.instrumentation.javahttpclient.internal;
