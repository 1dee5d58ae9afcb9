package dev.bazaar.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work once the current transaction commits, or at once when there is none. Cache evictions use it: evicted
 * before the commit, a concurrent read could cache the old state again from the database it still sees.
 */
public final class AfterCommit {

    private AfterCommit() {}

    public static void run(Runnable action) {
        register(action, false);
    }

    /**
     * Runs work once the current transaction ends, whether it commits or not (at once when there is none): for
     * evicting what a read inside the transaction may have cached of changes that are then rolled back. On commit
     * it runs with {@link #run}'s actions, in the order they were registered.
     */
    public static void runAfterTransaction(Runnable action) {
        register(action, true);
    }

    private static void register(Runnable action, boolean alsoOnRollback) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }

            @Override
            public void afterCompletion(int status) {
                if (alsoOnRollback && status != STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
