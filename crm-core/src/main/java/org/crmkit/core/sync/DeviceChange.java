package org.crmkit.core.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.common.Require;

/**
 * A change a device made offline, sent up with {@code crm.sync().syncUp}: a record it created (under an id the device
 * generated), fields it changed from the version it had, or a record it deleted at that version; {@code deviceTime}
 * is when the device made it, by the device's clock. The fields a device may send are listed at
 * {@code DeviceSync.syncUp}.
 */
public sealed interface DeviceChange {

    /** The record's aggregate name, e.g. {@code Account}. */
    String recordType();

    UUID recordId();

    Instant deviceTime();

    /** A record created on the device, with the values of its fields. */
    record Create(String recordType, UUID recordId, Map<String, String> fields, Instant deviceTime)
            implements DeviceChange {

        public Create {
            Require.notBlank(recordType, "recordType");
            Require.notNull(recordId, "recordId");
            fields = Map.copyOf(Require.notNull(fields, "fields"));
            Require.notNull(deviceTime, "deviceTime");
        }
    }

    /** Fields changed on the device, each from the value it had at {@code baseVersion} to the device's value. */
    record Update(String recordType, UUID recordId, long baseVersion, Map<String, FieldEdit> fields, Instant deviceTime)
            implements DeviceChange {

        public Update {
            Require.notBlank(recordType, "recordType");
            Require.notNull(recordId, "recordId");
            Require.notNegative(baseVersion, "baseVersion");
            fields = Map.copyOf(Require.notNull(fields, "fields"));
            Require.notNull(deviceTime, "deviceTime");
        }
    }

    /** A record deleted on the device when it had {@code baseVersion}. */
    record Delete(String recordType, UUID recordId, long baseVersion, Instant deviceTime) implements DeviceChange {

        public Delete {
            Require.notBlank(recordType, "recordType");
            Require.notNull(recordId, "recordId");
            Require.notNegative(baseVersion, "baseVersion");
            Require.notNull(deviceTime, "deviceTime");
        }
    }
}
