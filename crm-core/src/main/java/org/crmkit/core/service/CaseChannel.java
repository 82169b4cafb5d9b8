package org.crmkit.core.service;

/** How a case reached us. */
public enum CaseChannel {
    EMAIL,
    PHONE,
    WEB,
    CHAT,
    IN_PERSON,
    LETTER
}
