package org.crmkit.workflow.service;

import java.util.Optional;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.workflow.action.Channel;

/**
 * The ways a conversation with a customer runs: messages come in by e-mail, web form, chat transcript or as a note
 * of a phone call; replies go out through the host's channels by e-mail, SMS or letter. A case may change channel
 * from one message to the next.
 */
public enum ServiceChannel {
    EMAIL(CaseChannel.EMAIL, Channel.EMAIL),
    WEB_FORM(CaseChannel.WEB, null),
    CHAT(CaseChannel.CHAT, null),
    PHONE(CaseChannel.PHONE, null),
    SMS(CaseChannel.PHONE, Channel.SMS),
    LETTER(CaseChannel.LETTER, Channel.LETTER);

    private final CaseChannel caseChannel;
    private final Channel replyChannel;

    ServiceChannel(CaseChannel caseChannel, Channel replyChannel) {
        this.caseChannel = caseChannel;
        this.replyChannel = replyChannel;
    }

    /** The channel a case opened by a message on this channel records. */
    public CaseChannel caseChannel() {
        return caseChannel;
    }

    /** The host's channel replies on this channel go through; empty for web form, chat and phone. */
    public Optional<Channel> replyChannel() {
        return Optional.ofNullable(replyChannel);
    }
}
