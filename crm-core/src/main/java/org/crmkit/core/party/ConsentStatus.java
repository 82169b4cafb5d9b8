package org.crmkit.core.party;

public enum ConsentStatus {
    GRANTED,
    WITHDRAWN
}
