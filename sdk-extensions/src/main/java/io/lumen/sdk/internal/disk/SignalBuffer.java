package io.lumen.sdk.internal.disk;

import io.opentelemetry.contrib.disk.buffering.storage.SignalStorage;
import io.opentelemetry.contrib.disk.buffering.storage.result.WriteResult;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.Nullable;

/**
 * One signal's way to the collector through the disk: batches go straight to the exporter while
 * the collector answers, and to disk from the first failed export on; a thread of its own sends
 * what is on disk, oldest first, until the collector answers again, and only then are batches sent
 * straight again. So an outage costs no application thread anything (writing a batch to disk is
 * quick, and the batch queue keeps draining instead of filling up and dropping), and nothing
 * produced during it is lost unless it is older than the age bound or beyond the size bound, which
 * delete the oldest data first.
 *
 * <p>The exporter's own retries are turned off by the caller: the disk is the retry, and an export
 * that waits seconds for its retries would hold up the batch queue.
 *
 * <p>A batch is deleted from disk only after the collector accepted it. If the process stops in
 * between, the batch is sent again by the next process using the same directory: the duplicates
 * OTLP's own retry semantics allow.
 */
final class SignalBuffer<T> {

  private static final Logger logger = Logger.getLogger(SignalBuffer.class.getName());

  /** How often the sender looks for data on disk while there is none. */
  private static final long IDLE_POLL_MILLIS = 500;

  private static final long MIN_BACKOFF_MILLIS = 500;
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final String signal;
  private final SignalStorage<T> storage;
  private final Function<Collection<T>, CompletableResultCode> export;
  private final Duration exportTimeout;
  private final Thread sender;
  private final Object signalLock = new Object();
  private final AtomicBoolean collectorReachable = new AtomicBoolean(true);
  private final AtomicBoolean writeFailureLogged = new AtomicBoolean();
  private volatile boolean shutdown;

  SignalBuffer(
      String signal,
      SignalStorage<T> storage,
      Function<Collection<T>, CompletableResultCode> export,
      Duration exportTimeout) {
    this.signal = signal;
    this.storage = storage;
    this.export = export;
    this.exportTimeout = exportTimeout;
    this.sender = new Thread(this::sendFromDisk, "lumen-disk-buffer-" + signal);
    this.sender.setDaemon(true);
    this.sender.start();
  }

  /** Exports {@code items}, or keeps them on disk if the collector cannot take them now. */
  CompletableResultCode export(Collection<T> items) {
    if (!collectorReachable.get()) {
      return toDisk(items);
    }
    CompletableResultCode direct = export.apply(items);
    CompletableResultCode result = new CompletableResultCode();
    direct.whenComplete(
        () -> {
          if (direct.isSuccess()) {
            result.succeed();
            return;
          }
          collectorReachable.set(false);
          wakeSender();
          CompletableResultCode stored = toDisk(items);
          if (stored.isSuccess()) {
            result.succeed();
          } else {
            result.failExceptionally(failure(direct));
          }
        });
    return result;
  }

  private CompletableResultCode toDisk(Collection<T> items) {
    try {
      WriteResult written = storage.write(items).get(exportTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (written.isSuccessful()) {
        return CompletableResultCode.ofSuccess();
      }
      logWriteFailure(written.getError());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      logWriteFailure(e);
    }
    return CompletableResultCode.ofFailure();
  }

  /** The sender thread: what is on disk goes to the collector, oldest first. */
  private void sendFromDisk() {
    Iterator<Collection<T>> onDisk = storage.iterator();
    Collection<T> pending = null;
    long backoff = MIN_BACKOFF_MILLIS;
    while (!shutdown) {
      try {
        if (pending == null) {
          // hasNext() also deletes the batch next() returned last: it was accepted.
          pending = onDisk.hasNext() ? onDisk.next() : null;
          if (pending == null) {
            idle(IDLE_POLL_MILLIS);
            continue;
          }
        }
        CompletableResultCode result = export.apply(pending);
        result.join(exportTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (result.isSuccess()) {
          pending = null;
          backoff = MIN_BACKOFF_MILLIS;
          collectorReachable.set(true);
        } else {
          idle(backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
      } catch (RuntimeException e) {
        logger.log(Level.FINE, "Sending " + signal + " from disk failed", e);
        idle(backoff);
      }
    }
  }

  private void idle(long millis) {
    synchronized (signalLock) {
      if (shutdown) {
        return;
      }
      try {
        signalLock.wait(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        shutdown = true;
      }
    }
  }

  private void wakeSender() {
    synchronized (signalLock) {
      signalLock.notifyAll();
    }
  }

  /** Stops sending; what is still on disk stays for the next process. */
  CompletableResultCode shutdown() {
    shutdown = true;
    wakeSender();
    try {
      sender.join(exportTimeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      storage.close();
    } catch (IOException e) {
      logger.log(Level.FINE, "Closing the " + signal + " disk buffer failed", e);
    }
    return CompletableResultCode.ofSuccess();
  }

  private void logWriteFailure(@Nullable Throwable error) {
    if (writeFailureLogged.compareAndSet(false, true)) {
      logger.log(
          Level.WARNING,
          "Cannot write "
              + signal
              + " to the disk buffer; they are dropped while the collector is unreachable."
              + " Further failures are not logged.",
          error);
    }
  }

  private static Throwable failure(CompletableResultCode result) {
    Throwable throwable = result.getFailureThrowable();
    return throwable != null ? throwable : new IOException("export failed");
  }
}
