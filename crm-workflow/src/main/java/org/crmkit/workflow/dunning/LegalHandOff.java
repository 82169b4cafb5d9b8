package org.crmkit.workflow.dunning;

/**
 * The host's way of handing a dunning case to its lawyer or collection agency. Called outside any transaction, at
 * least once per hand-off; a redelivery carries the same {@code deduplicationKey}. Throwing means "not handed over":
 * the runtime retries. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface LegalHandOff {

    void handOver(String deduplicationKey, Dossier dossier);
}
