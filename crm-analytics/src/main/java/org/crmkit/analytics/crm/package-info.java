/**
 * The adapter between crm-core and the calculators: purchase records from paid invoices or payments, and the sales
 * forecast from opportunities. The only package of crm-analytics that reads crm-core's domain; the calculators in
 * {@code org.crmkit.analytics} see plain {@link org.crmkit.analytics.PurchaseRecord}s.
 */
package org.crmkit.analytics.crm;
