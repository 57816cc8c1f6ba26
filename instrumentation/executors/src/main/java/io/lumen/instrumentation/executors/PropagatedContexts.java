package io.lumen.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.util.VirtualField;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The context a task was submitted in, attached to the task object until the task runs, is
 * cancelled or is rejected.
 *
 * <p>The attachment is a weak map from task to a holder (no field is injected into any class), so
 * an attached context never keeps a task, or anything the task references, in memory. The holder
 * is emptied the moment the task starts running, so a task object that lives on (a reused
 * {@code Runnable}, a future the application keeps) does not keep the request's spans alive either.
 *
 * <p>Both types of the map are JDK types on purpose: the classes of this module are defined once
 * per application class loader, so a holder class of our own would exist once per loader and the
 * advice on a JDK executor would write to another map than the advice on an application task reads.
 * {@code VirtualField.find(Object.class, AtomicReference.class)} names the one map all of them
 * share.
 */
final class PropagatedContexts {

  @SuppressWarnings("rawtypes")
  private static final VirtualField<Object, AtomicReference> CONTEXTS =
      VirtualField.find(Object.class, AtomicReference.class);

  private PropagatedContexts() {}

  /**
   * Attaches {@code context} to {@code task}, unless a context the task has not run with yet is
   * attached already: the first submission wins, so a completion stage that captured its context
   * when it was created keeps it when another thread later hands it to an executor.
   *
   * @return the holder now carrying {@code context}, for {@link #clear(AtomicReference)} should
   *     the submission fail; {@code null} if the earlier context was kept
   */
  @SuppressWarnings("unchecked")
  static AtomicReference<Context> attach(Object task, Context context) {
    AtomicReference<Context> holder = CONTEXTS.get(task);
    if (holder == null) {
      holder = new AtomicReference<>(context);
      CONTEXTS.set(task, holder);
      return holder;
    }
    return holder.compareAndSet(null, context) ? holder : null;
  }

  /**
   * Lets {@code future} share the holder of the task it stands for, so that cancelling the future
   * forgets the context even when the executor never runs the task.
   */
  static void link(Object future, AtomicReference<Context> holder) {
    if (CONTEXTS.get(future) == null) {
      CONTEXTS.set(future, holder);
    }
  }

  /**
   * Makes the context attached to {@code task} current and forgets it.
   *
   * @return the scope to close when the task ends, or {@code null} if nothing was attached
   */
  @SuppressWarnings("unchecked")
  static Scope makeCurrent(Object task) {
    AtomicReference<Context> holder = CONTEXTS.get(task);
    if (holder == null) {
      return null;
    }
    CONTEXTS.set(task, null);
    Context context = holder.getAndSet(null);
    return context == null ? null : context.makeCurrent();
  }

  /** Forgets the context attached to {@code task}, which will not run (cancelled). */
  @SuppressWarnings("unchecked")
  static void forget(Object task) {
    AtomicReference<Context> holder = CONTEXTS.get(task);
    if (holder != null) {
      holder.set(null);
      CONTEXTS.set(task, null);
    }
  }

  /** Empties a holder {@link #attach} returned: the submission it was made for failed. */
  static void clear(AtomicReference<Context> holder) {
    if (holder != null) {
      holder.set(null);
    }
  }
}
