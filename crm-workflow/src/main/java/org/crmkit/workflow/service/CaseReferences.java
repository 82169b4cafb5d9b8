package org.crmkit.workflow.service;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.core.common.CaseId;

/**
 * A case's reference ({@code CASE-} and the last ten hexadecimal digits of its id, from the random part of the
 * time-ordered id) and how a customer's message names it: in the subject ({@code Re: Broken lid [CASE-3F9A0C12BD]})
 * or in a header such as {@code In-Reply-To} or {@code References} of a reply to one of our messages.
 */
final class CaseReferences {

    private static final Pattern REFERENCE = Pattern.compile("CASE-[0-9A-F]{10}");

    private CaseReferences() {}

    static String of(CaseId caseId) {
        String hex = caseId.value().toString().replace("-", "").toUpperCase(Locale.ROOT);
        return "CASE-" + hex.substring(hex.length() - 10);
    }

    /** The reference the message names, subject first, then its headers in name order. */
    static Optional<String> in(InboundMessage message) {
        Optional<String> inSubject = find(message.subject());
        if (inSubject.isPresent()) {
            return inSubject;
        }
        return message.headers().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(header -> find(header.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The subject of a message to the customer about the case, carrying the reference. */
    static String subject(String caseSubject, String reference) {
        String subject = "Re: " + caseSubject;
        String suffix = " [" + reference + "]";
        return (subject.length() + suffix.length() > 200 ? subject.substring(0, 200 - suffix.length()) : subject)
                + suffix;
    }

    private static Optional<String> find(String text) {
        Matcher matcher = REFERENCE.matcher(text.toUpperCase(Locale.ROOT));
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
