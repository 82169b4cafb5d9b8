package org.crmkit.spring.boot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.MessageChannel;
import org.springframework.beans.factory.ListableBeanFactory;

/** Which of the application's {@link MessageChannel} beans sends on which channel (see {@link CrmkitChannel}). */
final class MessageChannels {

    private MessageChannels() {}

    static Map<Channel, MessageChannel> of(ListableBeanFactory beans) {
        Map<Channel, String> claimedBy = new EnumMap<>(Channel.class);
        List<String> unannotated = new ArrayList<>();
        for (String name : beans.getBeanNamesForType(MessageChannel.class)) {
            CrmkitChannel annotation = beans.findAnnotationOnBean(name, CrmkitChannel.class);
            if (annotation == null) {
                unannotated.add(name);
                continue;
            }
            for (Channel channel : annotation.value()) {
                String earlier = claimedBy.putIfAbsent(channel, name);
                if (earlier != null) {
                    throw new CrmkitConfigurationException("the MessageChannel beans '" + earlier + "' and '" + name
                            + "' both claim the channel " + channel + ": give each channel one bean");
                }
            }
        }
        if (unannotated.size() > 1) {
            throw new CrmkitConfigurationException("the MessageChannel beans " + unannotated
                    + " say no channel: mark each with @CrmkitChannel, or declare one bean for all channels");
        }
        if (unannotated.size() == 1) {
            Arrays.stream(Channel.values()).forEach(channel -> claimedBy.putIfAbsent(channel, unannotated.get(0)));
        }
        Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);
        claimedBy.forEach((channel, name) -> channels.put(channel, beans.getBean(name, MessageChannel.class)));
        return channels;
    }
}
