package org.crmkit.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.ForecastSnapshotId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.ChangeKind;
import org.crmkit.core.spi.RecordChange;

/**
 * The current state of a record named by its aggregate name and id, as the acting user may read it: contacts,
 * accounts, leads, opportunities, pipelines, segments, campaigns, quotas and forecast snapshots through the user's
 * visibility (and field security), every other record as stored. What the change feed hands out for a change.
 */
final class CurrentRecords {

    private final Map<String, BiFunction<TenantId, UUID, Optional<? extends AggregateRoot<?>>>> finders;
    /** The types read many at a time, with one statement per hundred records on a database. */
    private final Map<String, BiFunction<TenantId, List<UUID>, List<? extends AggregateRoot<?>>>> batchFinders;

    CurrentRecords(UseCases useCases) {
        var storage = useCases.storage;
        batchFinders = Map.of(
                "Contact",
                (tenant, ids) -> useCases.contacts()
                        .findByIds(tenant, ids.stream().map(ContactId::of).toList()),
                "Account",
                (tenant, ids) -> useCases.accounts()
                        .findByIds(tenant, ids.stream().map(AccountId::of).toList()),
                "Invoice",
                (tenant, ids) -> storage.invoices()
                        .findByIds(tenant, ids.stream().map(InvoiceId::of).toList()));
        finders = Map.ofEntries(
                Map.entry("Contact", (tenant, id) -> useCases.contacts().findById(tenant, ContactId.of(id))),
                Map.entry("Account", (tenant, id) -> useCases.accounts().findById(tenant, AccountId.of(id))),
                Map.entry("Lead", (tenant, id) -> useCases.leads().findById(tenant, LeadId.of(id))),
                Map.entry(
                        "Opportunity", (tenant, id) -> useCases.opportunities().findById(tenant, OpportunityId.of(id))),
                Map.entry("Activity", (tenant, id) -> storage.activities().findById(tenant, ActivityId.of(id))),
                Map.entry("Task", (tenant, id) -> storage.tasks().findById(tenant, TaskId.of(id))),
                Map.entry("ServiceCase", (tenant, id) -> storage.cases().findById(tenant, CaseId.of(id))),
                Map.entry("Campaign", (tenant, id) -> useCases.campaigns().findById(tenant, CampaignId.of(id))),
                Map.entry("Invoice", (tenant, id) -> storage.invoices().findById(tenant, InvoiceId.of(id))),
                Map.entry("Payment", (tenant, id) -> storage.payments().findById(tenant, PaymentId.of(id))),
                Map.entry("CreditNote", (tenant, id) -> storage.creditNotes().findById(tenant, CreditNoteId.of(id))),
                Map.entry("Pipeline", (tenant, id) -> useCases.pipelines().findById(tenant, PipelineId.of(id))),
                Map.entry("Quota", (tenant, id) -> useCases.quotas().findById(tenant, QuotaId.of(id))),
                Map.entry("Segment", (tenant, id) -> useCases.segments().findById(tenant, SegmentId.of(id))),
                Map.entry("User", (tenant, id) -> storage.users().findById(tenant, UserId.of(id))),
                Map.entry("Team", (tenant, id) -> storage.teams().findById(tenant, TeamId.of(id))),
                Map.entry("Territory", (tenant, id) -> storage.territories().findById(tenant, TerritoryId.of(id))),
                Map.entry(
                        "TeamRotation", (tenant, id) -> storage.teamRotations().findByTeam(tenant, TeamId.of(id))),
                Map.entry(
                        "ForecastSnapshot",
                        (tenant, id) -> useCases.forecastSnapshots().findById(tenant, ForecastSnapshotId.of(id))));
    }

    /**
     * The record's current state; empty when it no longer exists or the acting user may not see it. A record type
     * crmkit does not know (an adapter's own) is a {@link StorageException}, as the feed could not hand it out.
     */
    /**
     * The current state of the records the changes saved (not of deleted or merged ones), by record id, read
     * together per record type where the storage can; a record that no longer exists or that the acting user may not
     * see is left out.
     */
    Map<UUID, AggregateRoot<?>> findSaved(TenantId tenant, Collection<RecordChange> changes) {
        Map<String, List<UUID>> idsByType = new LinkedHashMap<>();
        for (RecordChange change : changes) {
            if (change.kind() == ChangeKind.SAVED) {
                idsByType
                        .computeIfAbsent(change.recordType(), type -> new ArrayList<>())
                        .add(change.recordId());
            }
        }
        Map<UUID, AggregateRoot<?>> found = new HashMap<>();
        idsByType.forEach((type, ids) -> {
            var batchFinder = batchFinders.get(type);
            if (batchFinder != null) {
                batchFinder
                        .apply(tenant, ids)
                        .forEach(record -> found.put(record.id().value(), record));
            } else {
                ids.forEach(id -> find(tenant, type, id).ifPresent(record -> found.put(id, record)));
            }
        });
        return found;
    }

    Optional<? extends AggregateRoot<?>> find(TenantId tenant, String recordType, UUID id) {
        var finder = finders.get(recordType);
        if (finder == null) {
            throw new StorageException(
                    "the change feed holds a change of " + recordType + ", a record type crmkit does not know;"
                            + " the storage adapter records changes it should not",
                    null);
        }
        return finder.apply(tenant, id);
    }
}
