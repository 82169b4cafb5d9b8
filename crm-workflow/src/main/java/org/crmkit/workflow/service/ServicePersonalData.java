package org.crmkit.workflow.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.privacy.DataSubject;
import org.crmkit.core.spi.PersonalDataHolder;

/**
 * Customer service's part in a person's rights: the conversations of the person's cases (the cases crmkit relates
 * to the person) hold their messages, addresses and survey comments, which an export lists and an erasure replaces
 * by {@code [erased]}, keeping times, channels, the service-level clock and the scores. Replies and surveys still to
 * be sent are actions, cancelled by the runtime's holder.
 */
final class ServicePersonalData implements PersonalDataHolder {

    static final String ERASED = "[erased]";

    private final ConversationStore store;

    ServicePersonalData(ConversationStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "customerService";
    }

    @Override
    public List<String> legalHolds(DataSubject subject) {
        return List.of();
    }

    @Override
    public Map<String, List<?>> export(DataSubject subject) {
        List<Map<String, Object>> conversations = new ArrayList<>();
        for (CaseConversation conversation : conversationsOf(subject)) {
            Map<String, Object> exported = new LinkedHashMap<>();
            exported.put("case", conversation.caseId());
            exported.put("reference", conversation.reference());
            exported.put("messages", conversation.entries());
            Optional.ofNullable(conversation.survey()).ifPresent(survey -> exported.put("survey", survey));
            conversations.add(exported);
        }
        return Map.of("conversations", conversations);
    }

    @Override
    public int erase(DataSubject subject) {
        int changed = 0;
        for (CaseConversation conversation : conversationsOf(subject)) {
            CaseConversation erased = erased(conversation);
            if (!erased.equals(conversation)) {
                store.update(erased);
                changed++;
            }
        }
        return changed;
    }

    private List<CaseConversation> conversationsOf(DataSubject subject) {
        return subject.related().stream()
                .filter(record -> record.type() == RecordType.CASE)
                .map(record -> store.findByCase(subject.tenant(), CaseId.of(record.id())))
                .flatMap(Optional::stream)
                .toList();
    }

    private static CaseConversation erased(CaseConversation conversation) {
        List<ConversationEntry> entries = conversation.entries().stream()
                .map(entry ->
                        new ConversationEntry(entry.direction(), entry.channel(), entry.at(), ERASED, ERASED, ERASED))
                .toList();
        SurveyAnswer survey = conversation.survey();
        SurveyAnswer withoutComment = survey == null || survey.comment() == null
                ? survey
                : new SurveyAnswer(survey.csat(), survey.nps(), null, survey.answeredAt());
        return new CaseConversation(
                conversation.tenant(),
                conversation.caseId(),
                conversation.version(),
                conversation.reference(),
                conversation.contact(),
                conversation.openedAt(),
                entries,
                conversation.sla(),
                conversation.surveyedAt(),
                withoutComment);
    }
}
