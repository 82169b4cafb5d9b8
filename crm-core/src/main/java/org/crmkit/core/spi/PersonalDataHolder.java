package org.crmkit.core.spi;

import java.util.List;
import java.util.Map;
import org.crmkit.core.privacy.DataSubject;

/**
 * A part of the application besides crmkit's storage that keeps a person's data (crm-workflow's actions, messages
 * and dunning cases, a host's own tables), so that subject access exports and erasures reach it. Register it with
 * {@code crm.privacy().register(holder)}. Every method is called inside the transaction of the export or erasure
 * and sees only {@code subject.tenant()}'s data. Implementations are thread-safe.
 */
public interface PersonalDataHolder {

    /** A stable name: the section of the export with this holder's data, and its line in an erasure's report. */
    String name();

    /**
     * The legal holds that forbid erasing the person now, each a sentence without personal data saying what is
     * held and why (e.g. "dunning case 0190... of account 0190... is with a lawyer"); empty when none applies.
     */
    List<String> legalHolds(DataSubject subject);

    /**
     * What the holder keeps about the person, by kind (e.g. {@code messages}): each value a list of records, maps,
     * lists, strings, numbers, booleans or other values (written as their text).
     */
    Map<String, List<?>> export(DataSubject subject);

    /**
     * Removes or irreversibly pseudonymises what the holder keeps about the person, cancelling what is still to be
     * sent to them; returns how many of its records it changed or deleted: 0 when run again after an erasure.
     */
    int erase(DataSubject subject);
}
