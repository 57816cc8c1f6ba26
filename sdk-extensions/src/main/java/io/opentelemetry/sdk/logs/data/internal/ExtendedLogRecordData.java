package io.opentelemetry.sdk.logs.data.internal;

import io.opentelemetry.sdk.logs.data.LogRecordData;

/**
 * A compatibility shim, and nothing more: io.opentelemetry.contrib:opentelemetry-disk-buffering
 * 1.53.0-alpha (the only release the Maven mirror has) was built on SDK 1.58, whose log record
 * data had this interface; SDK 1.65 removed it. The contrib's log records read back from disk
 * implement it, so without it reading them fails with {@code NoClassDefFoundError}. The methods
 * 1.58 declared here need types 1.65 no longer has, and nothing in 1.65 calls them.
 *
 * <p>Remove this file when disk buffering moves to a contrib release built on SDK 1.65 or newer.
 *
 * <p>This class is internal and is hence not for public use. Its APIs are unstable and can change
 * at any time.
 */
public interface ExtendedLogRecordData extends LogRecordData {}
