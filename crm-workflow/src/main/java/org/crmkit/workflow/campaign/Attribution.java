package org.crmkit.workflow.campaign;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Campaign;

/**
 * Credits conversions to the campaigns that touched the converting contact in the window before it: each campaign
 * message (when it was scheduled) and each response to it is a touch. Money is shared in the minor unit, half-even,
 * and the last campaign of a conversion gets what rounding left, so that the shares add up to the conversion.
 */
final class Attribution {

    private record Touch(CampaignId campaign, Instant at) {}

    /** What one campaign was credited with so far. */
    private static final class Credit {
        BigDecimal conversions = BigDecimal.ZERO;
        Money revenue;
        Money margin;

        void add(BigDecimal share, Money revenueShare, Money marginShare) {
            conversions = conversions.add(share);
            revenue = revenue == null ? revenueShare : revenue.plus(revenueShare);
            margin = margin == null ? marginShare : margin.plus(marginShare);
        }
    }

    private final Crm crm;
    private final CampaignSendStore store;

    Attribution(Crm crm, CampaignSendStore store) {
        this.crm = crm;
        this.store = store;
    }

    List<CampaignReturn> returns(
            TenantId tenant, List<Conversion> conversions, AttributionModel model, Duration window) {
        Map<UUID, Credit> credits = new HashMap<>();
        for (Conversion conversion : conversions) {
            credit(conversion, shares(touches(tenant, conversion, window), model), credits);
        }
        Map<UUID, CampaignId> campaigns = new TreeMap<>();
        store.sends(tenant).forEach(send -> campaigns.put(send.campaign().value(), send.campaign()));
        credits.keySet().forEach(id -> campaigns.put(id, CampaignId.of(id)));
        List<CampaignReturn> returns = new ArrayList<>();
        for (CampaignId id : campaigns.values()) {
            Optional<Campaign> campaign = crm.campaigns().findCampaign(id);
            Credit credit = credits.get(id.value());
            if (campaign.isEmpty() && credit == null) {
                continue;
            }
            Money cost = campaign.map(Campaign::actualCost).orElseGet(() -> Money.zero(credit.revenue.currency()));
            Money zero = Money.zero(cost.currency());
            returns.add(new CampaignReturn(
                    id,
                    credit == null ? BigDecimal.ZERO : credit.conversions.setScale(4, RoundingMode.HALF_EVEN),
                    credit == null ? zero : credit.revenue,
                    credit == null ? zero : credit.margin,
                    cost));
        }
        return returns;
    }

    private List<Touch> touches(TenantId tenant, Conversion conversion, Duration window) {
        Instant from = conversion.at().minus(window);
        List<Touch> touches = new ArrayList<>();
        for (CampaignRecipient recipient : store.recipientsOf(tenant, conversion.contact())) {
            touches.add(new Touch(recipient.campaign(), recipient.scheduledAt()));
            recipient.responses().forEach(response -> touches.add(new Touch(recipient.campaign(), response.at())));
        }
        return touches.stream()
                .filter(touch -> !touch.at().isBefore(from) && !touch.at().isAfter(conversion.at()))
                .sorted(Comparator.comparing(Touch::at)
                        .thenComparing(touch -> touch.campaign().value()))
                .toList();
    }

    /** How many equal shares each campaign gets, in the order of its first touch. */
    private static Map<CampaignId, Integer> shares(List<Touch> touches, AttributionModel model) {
        Map<CampaignId, Integer> shares = new LinkedHashMap<>();
        if (touches.isEmpty()) {
            return shares;
        }
        switch (model) {
            case FIRST_TOUCH -> shares.put(touches.get(0).campaign(), 1);
            case LAST_TOUCH -> shares.put(touches.get(touches.size() - 1).campaign(), 1);
            case LINEAR -> touches.forEach(touch -> shares.merge(touch.campaign(), 1, Integer::sum));
        }
        return shares;
    }

    private static void credit(Conversion conversion, Map<CampaignId, Integer> shares, Map<UUID, Credit> credits) {
        int total = shares.values().stream().mapToInt(Integer::intValue).sum();
        Money revenueLeft = conversion.revenue();
        Money marginLeft = conversion.margin();
        int remaining = shares.size();
        for (Map.Entry<CampaignId, Integer> share : shares.entrySet()) {
            BigDecimal fraction =
                    BigDecimal.valueOf(share.getValue()).divide(BigDecimal.valueOf(total), MathContext.DECIMAL64);
            boolean last = --remaining == 0;
            Money revenue =
                    last ? revenueLeft : conversion.revenue().times(fraction).rounded();
            Money margin =
                    last ? marginLeft : conversion.margin().times(fraction).rounded();
            revenueLeft = revenueLeft.minus(revenue);
            marginLeft = marginLeft.minus(margin);
            credits.computeIfAbsent(share.getKey().value(), id -> new Credit()).add(fraction, revenue, margin);
        }
    }
}
