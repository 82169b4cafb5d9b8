package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records that hold unique lookup keys (external references), read together before many records are saved, so
 * that the check that no other record holds a record's key costs no statement per record.
 */
record TakenKeys(Map<String, Map<LookupKey, List<UUID>>> byTenant) {

    /** The records of the tenant that held the key when it was read (none when no record did). */
    List<UUID> holders(String tenant, LookupKey key) {
        return byTenant.getOrDefault(tenant, Map.of()).getOrDefault(key, List.of());
    }
}
