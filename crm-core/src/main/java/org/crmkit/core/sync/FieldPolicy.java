package org.crmkit.core.sync;

/** What happens when a device and the central CRM changed the same field of a record to different values. */
public enum FieldPolicy {
    /** The central value stays; the device's is returned in the conflict. */
    SERVER_WINS,
    /** The device's value is stored; the central one is returned in the conflict. */
    DEVICE_WINS,
    /** The later change wins: the device's time against the time of the record's last central change. */
    LAST_WRITER_WINS,
    /**
     * The central value stays, and a task for the device's user to decide between the two values is created; the
     * conflict is returned with it.
     */
    KEEP_FOR_PERSON
}
