package org.crmkit.core.marketing;

/** What kind of campaign it is. */
public enum CampaignType {
    EMAIL,
    EVENT,
    WEBINAR,
    ADVERTISING,
    DIRECT_MAIL,
    OTHER
}
