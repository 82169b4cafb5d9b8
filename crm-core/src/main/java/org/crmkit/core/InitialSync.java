package org.crmkit.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.party.Account;
import org.crmkit.core.sync.InitialSyncPage;

/**
 * A device's initial sync, page by page, so that neither crmkit nor the device holds more than a page: first the
 * accounts of each territory, then those of each owner, then (for account rules) every account checked against the
 * rules, each account with its related records; then the contacts, open opportunities and active tasks of each owner.
 * The page token carries where the next page starts and the change-feed cursor taken before the first page.
 */
final class InitialSync {

    /** Where the pages come from, in order. */
    private enum Source {
        TERRITORY_ACCOUNTS,
        OWNER_ACCOUNTS,
        RULE_ACCOUNTS,
        OWNER_CONTACTS,
        OWNER_OPPORTUNITIES,
        OWNER_TASKS
    }

    /** Where a page starts: a source, the territory or owner in it, the page number, the last account scanned. */
    private record Position(Source source, int key, int page, UUID after, FeedCursor cursor) {

        String token() {
            String text =
                    source.name() + "|" + key + "|" + page + "|" + (after == null ? "" : after) + "|" + cursor.token();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Position of(String token) {
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
                return new Position(
                        Source.valueOf(parts[0]),
                        Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2]),
                        parts[3].isEmpty() ? null : UUID.fromString(parts[3]),
                        FeedCursor.of(parts[4]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw InvalidValueException.invalid("pageToken", "is not a page token of an initial sync");
            }
        }

        Position nextPage() {
            return new Position(source, key, page + 1, after, cursor);
        }

        Position nextKey() {
            return new Position(source, key + 1, 0, null, cursor);
        }

        Position nextSource() {
            return source.ordinal() + 1 == Source.values().length
                    ? null
                    : new Position(Source.values()[source.ordinal() + 1], 0, 0, null, cursor);
        }
    }

    private final UseCases useCases;
    private final Slice slice;
    private final TenantId tenant;
    private final List<TerritoryId> territories;
    private final List<UserId> owners;

    InitialSync(UseCases useCases, Slice slice) {
        this.useCases = useCases;
        this.slice = slice;
        this.tenant = useCases.tenant();
        this.territories = slice.subscription().territories().stream()
                .sorted((a, b) -> a.value().compareTo(b.value()))
                .toList();
        this.owners = slice.owners().stream().sorted().map(UserId::of).toList();
    }

    /** The page at the token (the first page when null), of at most {@code size} accounts or owned records. */
    InitialSyncPage page(String token, int size, FeedCursor start) {
        Position position =
                token == null ? new Position(Source.TERRITORY_ACCOUNTS, 0, 0, null, start) : Position.of(token);
        FeedCursor cursor = position.cursor();
        List<AggregateRoot<?>> records = new ArrayList<>();
        while (position != null && records.isEmpty()) {
            position = read(position, size, records);
        }
        List<FeedItem.Changed> items = records.stream()
                .map(record -> new FeedItem.Changed(
                        0, record.getClass().getSimpleName(), record.id().value(), record))
                .toList();
        return new InitialSyncPage(items, position == null ? null : position.token(), cursor);
    }

    /** Reads the page at the position into {@code records}; returns where the next page starts (null: done). */
    private Position read(Position position, int size, List<AggregateRoot<?>> records) {
        PageRequest request = PageRequest.of(position.page(), size);
        switch (position.source()) {
            case TERRITORY_ACCOUNTS -> {
                if (position.key() >= territories.size()) {
                    return position.nextSource();
                }
                Page<Account> page =
                        useCases.accounts().findByTerritory(tenant, territories.get(position.key()), request);
                addAccounts(page.items(), records);
                return page.hasNext() ? position.nextPage() : position.nextKey();
            }
            case OWNER_ACCOUNTS -> {
                if (position.key() >= owners.size()) {
                    return position.nextSource();
                }
                Page<Account> page = useCases.accounts().findByOwner(tenant, owners.get(position.key()), request);
                addAccounts(page.items(), records);
                return page.hasNext() ? position.nextPage() : position.nextKey();
            }
            case RULE_ACCOUNTS -> {
                if (!slice.hasAccountRules()) {
                    return position.nextSource();
                }
                List<Account> scanned = useCases.accounts()
                        .findAllAfter(tenant, position.after() == null ? null : AccountId.of(position.after()), size);
                addAccounts(scanned, records);
                return scanned.size() < size
                        ? position.nextSource()
                        : new Position(
                                position.source(),
                                0,
                                0,
                                scanned.get(scanned.size() - 1).id().value(),
                                position.cursor());
            }
            default -> {
                if (position.key() >= owners.size()) {
                    return position.nextSource();
                }
                Page<? extends AggregateRoot<?>> page = owned(position.source(), owners.get(position.key()), request);
                page.items().stream().filter(slice::contains).forEach(records::add);
                return page.hasNext() ? position.nextPage() : position.nextKey();
            }
        }
    }

    private Page<? extends AggregateRoot<?>> owned(Source source, UserId owner, PageRequest request) {
        return switch (source) {
            case OWNER_CONTACTS -> useCases.contacts().findByOwner(tenant, owner, request);
            case OWNER_OPPORTUNITIES -> useCases.opportunities().findByOwner(tenant, owner, request);
            default -> useCases.storage.tasks().findByAssignee(tenant, owner, TaskStatus.ACTIVE, request);
        };
    }

    private void addAccounts(List<Account> accounts, List<AggregateRoot<?>> records) {
        for (Account account : accounts) {
            if (slice.accountInSlice(account)) {
                records.add(account);
                slice.relatedTo(account).stream().filter(slice::contains).forEach(records::add);
            }
        }
    }
}
