package org.crmkit.core.common;

/** A record of one tenant was handed to an operation running for another tenant. */
public final class TenantMismatchException extends CrmException {

    public TenantMismatchException(TenantId expected, TenantId actual) {
        super(ErrorCode.TENANT_MISMATCH, "record belongs to tenant " + actual.value() + ", not to " + expected.value());
    }
}
