package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;

/** How the use cases read what they need: a record that must exist, every page of a query. */
final class Reads {

    private Reads() {}

    /** The found record, or a {@link RecordNotFoundException} naming its type and id. */
    static <T> T found(Optional<T> record, String recordType, Object id) {
        return record.orElseThrow(() -> new RecordNotFoundException(recordType, id));
    }

    /**
     * Every item of a paged query, read page by page in the largest pages; read before any of them is changed, as
     * a change may move an item between pages.
     */
    static <T> List<T> everyPage(Function<PageRequest, Page<T>> query) {
        List<T> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
        Page<T> page;
        do {
            page = query.apply(request);
            all.addAll(page.items());
            request = request.next();
        } while (page.hasNext());
        return all;
    }
}
