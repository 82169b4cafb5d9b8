package org.crmkit.workflow.dunning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.privacy.DataSubject;
import org.crmkit.core.spi.PersonalDataHolder;

/**
 * Dunning's part in a person's rights. A dunning case belongs to an account, an organisation; the person's data in
 * it is what its history says of deliveries to them (the address a notice went to), which an export lists and an
 * erasure replaces. The notices and the dossier themselves are actions, erased by the runtime's holder. An open case
 * of one of the person's accounts that was handed over to a lawyer is a legal hold: the claim is being pursued with
 * the person's data as evidence.
 */
final class DunningPersonalData implements PersonalDataHolder {

    static final String ERASED = "[erased]";

    private final DunningCaseStore cases;

    DunningPersonalData(DunningCaseStore cases) {
        this.cases = cases;
    }

    @Override
    public String name() {
        return "dunning";
    }

    @Override
    public List<String> legalHolds(DataSubject subject) {
        List<String> holds = new ArrayList<>();
        for (AccountId account : subject.accounts()) {
            for (DunningCase dunningCase : cases.findByAccount(subject.tenant(), account)) {
                if (dunningCase.isOpen() && dunningCase.handedOver()) {
                    holds.add("dunning case " + dunningCase.id() + " of account " + account
                            + " is open and handed over to a lawyer");
                }
            }
        }
        return holds;
    }

    @Override
    public Map<String, List<?>> export(DataSubject subject) {
        List<Map<String, Object>> mentions = new ArrayList<>();
        for (AccountId account : subject.accounts()) {
            for (DunningCase dunningCase : cases.findByAccount(subject.tenant(), account)) {
                List<CaseEvent> events = dunningCase.history().stream()
                        .filter(event -> subject.isMentionedIn(event.detail()))
                        .toList();
                if (!events.isEmpty()) {
                    Map<String, Object> mention = new LinkedHashMap<>();
                    mention.put("dunningCase", dunningCase.id());
                    mention.put("account", account);
                    mention.put("events", events);
                    mentions.add(mention);
                }
            }
        }
        return Map.of("caseHistory", mentions);
    }

    @Override
    public int erase(DataSubject subject) {
        int changed = 0;
        for (AccountId account : subject.accounts()) {
            for (DunningCase dunningCase : cases.findByAccount(subject.tenant(), account)) {
                DunningCaseState state = dunningCase.state();
                List<CaseEvent> history = state.history().stream()
                        .map(event -> subject.isMentionedIn(event.detail()) ? withoutDetail(event) : event)
                        .toList();
                if (!history.equals(state.history())) {
                    cases.save(DunningCase.restore(state.withHistory(history)));
                    changed++;
                }
            }
        }
        return changed;
    }

    private static CaseEvent withoutDetail(CaseEvent event) {
        return new CaseEvent(
                event.on(),
                event.kind(),
                event.level(),
                event.invoices(),
                event.amount(),
                event.fee(),
                event.interest(),
                event.channel(),
                ERASED,
                event.claim());
    }
}
