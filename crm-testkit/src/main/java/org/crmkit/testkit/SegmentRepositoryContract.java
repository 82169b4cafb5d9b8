package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.marketing.SegmentState;
import org.crmkit.core.spi.SegmentRepository;
import org.crmkit.testkit.fixtures.SegmentMother;
import org.junit.jupiter.api.Test;

/** What every {@link SegmentRepository} must do. Extend it and supply the storage. */
public abstract class SegmentRepositoryContract extends StorageContract {

    private SegmentRepository segments() {
        return storage.segments();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    private Segment save(Segment segment) {
        return inTransaction(() -> segments().save(segment));
    }

    @Test
    void aSavedSegmentComesBackWithItsWholeRule() {
        Segment segment = SegmentMother.aSegment(TENANT_A, ids, clock, "Emailable VIPs");

        assertThat(save(segment).version()).isEqualTo(1);
        assertThat(segments().findById(TENANT_A, segment.id()))
                .hasValueSatisfying(found ->
                        assertThat(found.state()).isEqualTo(segment.state().withVersion(1)));
    }

    @Test
    void allSegmentsArePagedByName() {
        for (String name : List.of("gamma", "Alpha", "beta")) {
            save(SegmentMother.aSegment(TENANT_A, ids, clock, name));
        }

        assertThat(segments().findAll(TENANT_A, PageRequest.of(0, 2)).items())
                .extracting(Segment::name)
                .containsExactly("Alpha", "beta");
        assertThat(segments().findAll(TENANT_A, PageRequest.of(1, 2)).items())
                .extracting(Segment::name)
                .containsExactly("gamma");
    }

    @Test
    void deletingNeedsTheCurrentVersion() {
        Segment saved = save(SegmentMother.aSegment(TENANT_A, ids, clock, "S"));

        assertThatThrownBy(() -> inTransaction(() -> segments().delete(TENANT_A, saved.id(), 0)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(inTransaction(() -> segments().delete(TENANT_A, saved.id(), 1)))
                .isTrue();
        assertThat(segments().findById(TENANT_A, saved.id())).isEmpty();
    }

    @Test
    void ofTwoCopiesOfOneVersionOnlyTheFirstSaveWins() {
        Segment saved = save(SegmentMother.aSegment(TENANT_A, ids, clock, "S"));
        Segment first = segments().findById(TENANT_A, saved.id()).orElseThrow();
        Segment second = segments().findById(TENANT_A, saved.id()).orElseThrow();
        first.rename("First", clock);
        second.rename("Second", clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
        assertThat(segments().findById(TENANT_A, saved.id()).orElseThrow().name())
                .isEqualTo("First");
    }

    @Test
    void aSegmentOfOneTenantIsInvisibleAndUnchangeableFromAnother() {
        Segment saved = save(SegmentMother.aSegment(TENANT_A, ids, clock, "S"));
        SegmentState state = saved.state();
        Segment foreign = Segment.restore(new SegmentState(
                TENANT_B,
                state.id(),
                state.version(),
                "Hijacked",
                state.audience(),
                state.rule(),
                state.definedAt(),
                state.owner()));

        assertThat(segments().findById(TENANT_B, saved.id())).isEmpty();
        assertThat(segments().findAll(TENANT_B, PageRequest.first(5)).items()).isEmpty();
        assertThatThrownBy(() -> save(foreign)).isInstanceOf(RecordNotFoundException.class);
        assertThat(inTransaction(() -> segments().delete(TENANT_B, saved.id(), 1)))
                .isFalse();
        assertThat(segments().findById(TENANT_A, saved.id()).orElseThrow().name())
                .isEqualTo("S");
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws InterruptedException {
        Segment saved = save(SegmentMother.aSegment(TENANT_A, ids, clock, "S"));
        AtomicInteger writes = new AtomicInteger();
        List<Callable<Void>> tasks = IntStream.range(0, 4)
                .<Callable<Void>>mapToObj(i -> () -> {
                    while (true) {
                        try {
                            inTransaction(() -> {
                                Segment segment = segments()
                                        .findById(TENANT_A, saved.id())
                                        .orElseThrow();
                                segment.rename("S by writer " + i, clock);
                                return segments().save(segment);
                            });
                            writes.incrementAndGet();
                            return null;
                        } catch (StaleVersionException e) {
                            Thread.onSpinWait();
                        }
                    }
                })
                .toList();

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        assertThat(segments().findById(TENANT_A, saved.id()).orElseThrow().version())
                .isEqualTo(1 + writes.get())
                .isEqualTo(5);
    }
}
