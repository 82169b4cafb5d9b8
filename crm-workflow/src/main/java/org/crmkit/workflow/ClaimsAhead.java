package org.crmkit.workflow;

import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.crmkit.workflow.action.Action;

/**
 * Claims the dispatcher's batches on a thread of its own, one batch ahead of the thread that delivers and records
 * them, so that a claim (its own transaction, on a connection of its own) runs while the batch before it is
 * delivered and recorded. A batch is claimed, then handed over when the dispatcher asks for the next one; the next
 * claim starts only then, so that at most one claimed batch waits. The claims end with the first batch shorter than
 * the batch size, or when closed: a batch claimed but not handed over stays claimed until its lease has passed, as
 * a node's that died, and is then delivered by the next run.
 */
final class ClaimsAhead implements AutoCloseable {

    /** A claim that failed, handed over in place of a batch. */
    private record Failure(Throwable error) {}

    private final SynchronousQueue<Object> handOver = new SynchronousQueue<>();
    private final Supplier<List<Action>> claim;
    private final int batchSize;
    private final Thread claimer;
    private volatile boolean closed;

    private ClaimsAhead(Supplier<List<Action>> claim, int batchSize) {
        this.claim = claim;
        this.batchSize = batchSize;
        this.claimer = new Thread(this::claimUntilShort, "crmkit-workflow-claims");
        claimer.setDaemon(true);
    }

    /** Starts claiming with {@code claim}, which runs a claim of up to {@code batchSize} actions in a transaction. */
    static ClaimsAhead start(Supplier<List<Action>> claim, int batchSize) {
        ClaimsAhead ahead = new ClaimsAhead(claim, batchSize);
        ahead.claimer.start();
        return ahead;
    }

    /**
     * The next claimed batch, waiting for its claim to end; throws what the claim threw. Call it again only after a
     * batch of the full size.
     */
    @SuppressWarnings("unchecked")
    List<Action> next() {
        Object claimed;
        try {
            claimed = handOver.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryInterruptedException(
                    "interrupted while waiting for the next batch of actions to be claimed;"
                            + " a batch claimed meanwhile is delivered once its lease has passed",
                    e);
        }
        if (claimed instanceof Failure failure) {
            if (failure.error() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) failure.error();
        }
        return (List<Action>) claimed;
    }

    private void claimUntilShort() {
        try {
            while (!closed) {
                List<Action> batch = claim.get();
                if (!handOver(batch) || batch.size() < batchSize) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            handOver(new Failure(e));
        }
    }

    /** Waits until the dispatcher takes it; false when closed first. */
    private boolean handOver(Object claimed) {
        try {
            while (!handOver.offer(claimed, 50, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops claiming and waits for a claim under way to end, so that no transaction of the run outlives it. */
    @Override
    public void close() {
        closed = true;
        boolean interrupted = false;
        while (claimer.isAlive()) {
            try {
                claimer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
