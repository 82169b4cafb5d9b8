/**
 * Merging duplicate contacts or accounts into a survivor: the survivorship rules that pick each field's value, the
 * merge record with its before-image, the redirects of merged ids, and unmerge. The service is {@code
 * crm.merges()}; see docs/syncing-with-your-erp.md, "Merging duplicates".
 */
package org.crmkit.core.merge;
