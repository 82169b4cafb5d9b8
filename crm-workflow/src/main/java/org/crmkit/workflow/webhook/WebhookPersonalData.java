package org.crmkit.workflow.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.privacy.DataSubject;
import org.crmkit.core.spi.PersonalDataHolder;

/**
 * The webhooks' part in a person's rights: the bodies of deliveries of changes of the person's record and of the
 * records about them hold their data, which an export lists and an erasure replaces by the body's envelope marked
 * {@code "erased": true}. A pending delivery is still sent in that form, so that the receiver learns of the erasure.
 */
final class WebhookPersonalData implements PersonalDataHolder {

    private final WebhookStore store;

    WebhookPersonalData(WebhookStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "webhooks";
    }

    @Override
    public List<String> legalHolds(DataSubject subject) {
        return List.of();
    }

    @Override
    public Map<String, List<?>> export(DataSubject subject) {
        List<Map<String, Object>> deliveries = new ArrayList<>();
        for (WebhookDelivery delivery : deliveriesOf(subject)) {
            Map<String, Object> exported = new LinkedHashMap<>();
            exported.put("delivery", delivery.id());
            exported.put("subscription", delivery.subscription());
            exported.put("status", delivery.status());
            exported.put("body", delivery.body());
            deliveries.add(exported);
        }
        return Map.of("deliveries", deliveries);
    }

    @Override
    public int erase(DataSubject subject) {
        int changed = 0;
        for (WebhookDelivery delivery : deliveriesOf(subject)) {
            String erased = WebhookBodies.erasedBody(delivery);
            if (!erased.equals(delivery.body())) {
                store.updateDelivery(delivery.withBody(erased));
                changed++;
            }
        }
        return changed;
    }

    private List<WebhookDelivery> deliveriesOf(DataSubject subject) {
        Set<UUID> records = Stream.concat(Stream.of(subject.record()), subject.related().stream())
                .map(RecordRef::id)
                .collect(Collectors.toSet());
        return store.findByRecords(subject.tenant(), records);
    }
}
