package org.crmkit.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.ForecastSnapshotId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;

/**
 * Checks that the records a change refers to exist for the calling tenant before the change stores the references,
 * so that no adapter stores an invoice of an unknown account or of another tenant's account. Called inside the
 * change's transaction; a missing record is a {@link RecordNotFoundException} naming the field that refers to it.
 * A null id is no reference and passes (whether it may be null is the record's own rule).
 *
 * <p>User ids (owners, assignees) are not checked here: they may be ids of the host's own users (see
 * {@link org.crmkit.core.common.Actor}) that were never registered with crmkit.
 */
final class References {

    /** A reference found in {@code field} of a change's input. */
    record Reference(RecordRef ref, String field) {}

    private final UseCases useCases;

    References(UseCases useCases) {
        this.useCases = useCases;
    }

    void account(AccountId id, String field) {
        record(id == null ? null : RecordRef.account(id), field);
    }

    void contact(ContactId id, String field) {
        record(id == null ? null : RecordRef.contact(id), field);
    }

    void lead(LeadId id, String field) {
        record(id == null ? null : RecordRef.lead(id), field);
    }

    void campaign(CampaignId id, String field) {
        record(id == null ? null : RecordRef.campaign(id), field);
    }

    void territory(TerritoryId id, String field) {
        require(id, field, "Territory", () -> useCases.storage.territories().findById(tenant(), id));
    }

    void pipeline(PipelineId id, String field) {
        require(id, field, "Pipeline", () -> useCases.pipelines().findById(tenant(), id));
    }

    void team(TeamId id, String field) {
        require(id, field, "Team", () -> useCases.storage.teams().findById(tenant(), id));
    }

    /** A reference to a record of any kind (null: none). */
    void record(RecordRef ref, String field) {
        if (ref != null) {
            all(List.of(new Reference(ref, field)));
        }
    }

    /** Each id of the list, named {@code field[i]}. */
    static List<Reference> indexed(List<? extends EntityId> ids, RecordType type, String field) {
        List<Reference> refs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            refs.add(new Reference(RecordRef.of(type, ids.get(i)), field + "[" + i + "]"));
        }
        return refs;
    }

    /** Each reference of the list, named {@code field[i]}. */
    static List<Reference> indexed(List<RecordRef> refs, String field) {
        List<Reference> named = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            named.add(new Reference(refs.get(i), field + "[" + i + "]"));
        }
        return named;
    }

    /**
     * Every reference of the list; the first missing one (in list order) is reported. Each record is looked up
     * once, contacts, accounts and invoices in one query per kind (contacts and accounts by their ids alone, without reading
     * the records), so that a batch (a workflow's deliveries) costs a few statements, not one per reference.
     */
    void all(List<Reference> refs) {
        Map<RecordType, Set<UUID>> wanted = new LinkedHashMap<>();
        refs.forEach(each -> wanted.computeIfAbsent(each.ref().type(), type -> new HashSet<>())
                .add(each.ref().id()));
        Set<RecordRef> existing = new HashSet<>();
        wanted.forEach((type, ids) -> existing(type, ids).forEach(id -> existing.add(new RecordRef(type, id))));
        for (Reference each : refs) {
            if (!existing.contains(each.ref())) {
                throw new RecordNotFoundException(
                        recordName(each.ref().type()), each.ref().id(), each.field());
            }
        }
    }

    private List<UUID> existing(RecordType type, Set<UUID> ids) {
        TenantId tenant = tenant();
        return switch (type) {
            case ACCOUNT ->
                useCases
                        .accounts()
                        .existingIds(tenant, ids.stream().map(AccountId::of).toList())
                        .stream()
                        .map(AccountId::value)
                        .toList();
            case INVOICE ->
                useCases
                        .invoices()
                        .findByIds(tenant, ids.stream().map(InvoiceId::of).toList())
                        .stream()
                        .map(invoice -> invoice.id().value())
                        .toList();
            case CONTACT ->
                useCases
                        .contacts()
                        .existingIds(tenant, ids.stream().map(ContactId::of).toList())
                        .stream()
                        .map(ContactId::value)
                        .toList();
            case LEAD -> eachFound(ids, id -> useCases.leads().findById(tenant, LeadId.of(id)));
            case OPPORTUNITY -> eachFound(ids, id -> useCases.opportunities().findById(tenant, OpportunityId.of(id)));
            case PAYMENT -> eachFound(ids, id -> useCases.payments().findById(tenant, PaymentId.of(id)));
            case CAMPAIGN -> eachFound(ids, id -> useCases.campaigns().findById(tenant, CampaignId.of(id)));
            case CASE -> eachFound(ids, id -> useCases.cases().findById(tenant, CaseId.of(id)));
            case TASK -> eachFound(ids, id -> useCases.tasks().findById(tenant, TaskId.of(id)));
            case ACTIVITY -> eachFound(ids, id -> useCases.activities().findById(tenant, ActivityId.of(id)));
            case PIPELINE -> eachFound(ids, id -> useCases.pipelines().findById(tenant, PipelineId.of(id)));
            case SEGMENT -> eachFound(ids, id -> useCases.segments().findById(tenant, SegmentId.of(id)));
            case QUOTA -> eachFound(ids, id -> useCases.quotas().findById(tenant, QuotaId.of(id)));
            case FORECAST_SNAPSHOT ->
                eachFound(ids, id -> useCases.forecastSnapshots().findById(tenant, ForecastSnapshotId.of(id)));
        };
    }

    private static List<UUID> eachFound(Set<UUID> ids, Function<UUID, Optional<?>> lookup) {
        return ids.stream().filter(id -> lookup.apply(id).isPresent()).toList();
    }

    private static String recordName(RecordType type) {
        return type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private TenantId tenant() {
        return useCases.tenant();
    }

    private static void require(Object id, String field, String recordType, Supplier<Optional<?>> lookup) {
        if (id != null && lookup.get().isEmpty()) {
            throw new RecordNotFoundException(recordType, id, field);
        }
    }
}
