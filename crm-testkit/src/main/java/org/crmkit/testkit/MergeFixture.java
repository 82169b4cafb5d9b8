package org.crmkit.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.Crm;
import org.crmkit.core.NewStage;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.spi.MergeParticipant;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the merge contracts share: a {@link Crm} of tenant A over the adapter recording every delivered event, an
 * owner, a sales pipeline, and a participant that records what it was told (a host's own table, as a fake of the
 * host's port).
 */
abstract class MergeFixture extends StorageContract {

    protected Crm crm;
    protected final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    protected UserId owner;
    protected LocalDate today;
    protected final HostTable hostTable = new HostTable();

    @BeforeEach
    void aCrmWithAParticipant() {
        crm = crmRecording(TENANT_A, events);
        crm.merges().register(hostTable);
        owner = UserId.next(ids);
        today = LocalDate.now(clock);
    }

    protected Pipeline pipeline() {
        return crm.pipelines()
                .definePipeline(
                        "Sales",
                        List.of(
                                NewStage.open("Qualify", 20, ForecastCategory.PIPELINE),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
    }

    protected NewOpportunity deal(String name, AccountId account, Pipeline pipeline) {
        return NewOpportunity.of(name, account, pipeline.id(), Currency.getInstance("EUR"), owner);
    }

    /** The events of the given type delivered since the list was last cleared. */
    protected <E> List<E> delivered(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * A host's table of records per party, as a participant: it moves a row of each merged record to the survivor
     * and back, and records the calls; {@code failOnMerge} makes it refuse (a failure in the middle of a merge).
     */
    protected static final class HostTable implements MergeParticipant {

        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile boolean failOnMerge;
        volatile String blocker;

        @Override
        public String name() {
            return "host-table";
        }

        @Override
        public List<String> moveToSurvivor(MergeRecord merge) {
            if (failOnMerge) {
                throw new IllegalTransitionException("host table refuses the merge");
            }
            List<String> moved = new ArrayList<>();
            merge.merged().forEach(id -> moved.add("row-of-" + id));
            calls.add("merge " + merge.survivor() + " " + moved);
            return moved;
        }

        @Override
        public List<String> unmergeBlockers(MergeRecord merge, List<String> moved) {
            return blocker == null ? List.of() : List.of(blocker);
        }

        @Override
        public void moveBack(MergeRecord merge, List<String> moved) {
            calls.add("back " + merge.survivor() + " " + moved);
        }
    }
}
