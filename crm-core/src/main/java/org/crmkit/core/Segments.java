package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;

/**
 * Use cases of segments: define and change them, and evaluate a saved segment against the stored contacts or
 * accounts of the calling tenant. Evaluation reads every record of the audience (in id order, in chunks) and pages
 * the matches, so it costs time in proportion to the tenant's records. Thread-safe.
 */
public final class Segments {

    private static final int CHUNK = 500;

    private final UseCases useCases;

    Segments(UseCases useCases) {
        this.useCases = useCases;
    }

    public Segment define(String name, SegmentAudience audience, SegmentRule rule) {
        Segment segment =
                Segment.define(useCases.tenant(), SegmentId.next(useCases.ids), name, audience, rule, useCases.clock);
        return useCases.save(segment, useCases.storage.segments()::save);
    }

    public Segment rename(SegmentId segment, String name) {
        return change(segment, s -> s.rename(name, useCases.clock));
    }

    public Segment changeRule(SegmentId segment, SegmentRule rule) {
        return change(segment, s -> s.changeRule(rule, useCases.clock));
    }

    public Segment segment(SegmentId segment) {
        Require.notNull(segment, "segmentId");
        return UseCases.found(useCases.storage.segments().findById(useCases.tenant(), segment), "Segment", segment);
    }

    /** All segments, by name. */
    public Page<Segment> segments(PageRequest page) {
        return useCases.storage.segments().findAll(useCases.tenant(), Require.notNull(page, "page"));
    }

    /** The contacts that meet the segment's rule now, in id order; refuses a segment of accounts. */
    public Page<Contact> contactsIn(SegmentId segmentId, PageRequest page) {
        Require.notNull(page, "page");
        Segment segment = segment(segmentId);
        requireAudience(segment, SegmentAudience.CONTACTS);
        List<Contact> matches = new ArrayList<>();
        Page<Contact> chunk = useCases.contacts().findAll(useCases.tenant(), PageRequest.first(CHUNK));
        while (true) {
            chunk.items().stream().filter(segment::matches).forEach(matches::add);
            if (!chunk.hasNext()) {
                return Page.of(matches, page);
            }
            chunk = useCases.contacts()
                    .findAll(useCases.tenant(), chunk.request().next());
        }
    }

    /** The accounts that meet the segment's rule now, in id order; refuses a segment of contacts. */
    public Page<Account> accountsIn(SegmentId segmentId, PageRequest page) {
        Require.notNull(page, "page");
        Segment segment = segment(segmentId);
        requireAudience(segment, SegmentAudience.ACCOUNTS);
        List<Account> matches = new ArrayList<>();
        Page<Account> chunk = useCases.accounts().findAll(useCases.tenant(), PageRequest.first(CHUNK));
        while (true) {
            chunk.items().stream().filter(segment::matches).forEach(matches::add);
            if (!chunk.hasNext()) {
                return Page.of(matches, page);
            }
            chunk = useCases.accounts()
                    .findAll(useCases.tenant(), chunk.request().next());
        }
    }

    private static void requireAudience(Segment segment, SegmentAudience audience) {
        if (segment.audience() != audience) {
            throw InvalidValueException.invalid(
                    "segmentId", "segment " + segment.id() + " selects " + segment.audience() + ", not " + audience);
        }
    }

    private Segment change(SegmentId id, Consumer<Segment> change) {
        return useCases.write(() -> {
            Segment segment = segment(id);
            change.accept(segment);
            return useCases.save(segment, useCases.storage.segments()::save);
        });
    }
}
