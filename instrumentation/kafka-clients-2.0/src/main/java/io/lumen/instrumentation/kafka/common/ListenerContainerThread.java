package io.lumen.instrumentation.kafka.common;

import javax.annotation.Nullable;

/**
 * Marks a thread whose consumer a listener container drives (Spring Kafka's {@code
 * ListenerConsumer}). There the container, not a loop over the polled records, decides what
 * processing one record (or one batch) is, and its instrumentation records the process spans. So
 * the Kafka client's instrumentation still records the container's polls, but gives their records
 * no process spans of its own, whoever iterates them (the container, or a batch listener handed the
 * whole {@code ConsumerRecords}), and leaves the last poll here for the container's spans.
 *
 * <p>A thread mark, not a context value: the container thread's current context stays the root
 * context, as the instrumentation API expects where it starts spans from remote parents. While the
 * container runs a listener, polls on the thread are the listener's own and traced as any
 * application's.
 */
public final class ListenerContainerThread {

  private static final ThreadLocal<ListenerContainerThread> CURRENT = new ThreadLocal<>();

  @Nullable private PolledBatch lastPoll;
  private boolean runningListener;

  private ListenerContainerThread() {}

  /** The container's thread starts its loop. */
  public static void enter() {
    CURRENT.set(new ListenerContainerThread());
  }

  /** The container's thread leaves its loop. */
  public static void exit() {
    CURRENT.remove();
  }

  /** The mark of this thread, if a listener container drives it. */
  @Nullable
  public static ListenerContainerThread current() {
    return CURRENT.get();
  }

  /** Whether a poll on this thread now is the container's: not one its listener makes. */
  public boolean isContainerPolling() {
    return !runningListener;
  }

  /** Called by the client's instrumentation for each container poll that returned records. */
  public void polled(PolledBatch batch) {
    this.lastPoll = batch;
  }

  /**
   * The container's last poll that returned records. A container hands its listeners only records
   * of that poll: while records of an earlier one wait (a paused container), its polls return none.
   */
  @Nullable
  public PolledBatch lastPoll() {
    return lastPoll;
  }

  /** The container hands records to its listener, until {@link #listenerReturned}. */
  public void listenerInvoked() {
    runningListener = true;
  }

  public void listenerReturned() {
    runningListener = false;
  }
}
