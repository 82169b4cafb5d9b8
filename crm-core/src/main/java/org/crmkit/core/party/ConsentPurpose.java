package org.crmkit.core.party;

/** Why a party is contacted: advertising, or service (orders, support, invoices). */
public enum ConsentPurpose {
    MARKETING,
    SERVICE
}
