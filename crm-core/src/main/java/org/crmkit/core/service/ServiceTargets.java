package org.crmkit.core.service;

import java.time.Duration;
import org.crmkit.core.common.Require;

/**
 * How long after opening a case the first response and the resolution are due (calendar time). Both positive;
 * the resolution target is not shorter than the first-response target.
 */
public record ServiceTargets(Duration firstResponse, Duration resolution) {

    public ServiceTargets {
        Require.notNull(firstResponse, "firstResponse");
        Require.that(
                !firstResponse.isNegative() && !firstResponse.isZero(),
                "firstResponse",
                "must be positive, was " + firstResponse);
        Require.notNull(resolution, "resolution");
        Require.that(
                resolution.compareTo(firstResponse) >= 0,
                "resolution",
                "must not be shorter than the first-response target " + firstResponse + ", was " + resolution);
    }

    public static ServiceTargets of(Duration firstResponse, Duration resolution) {
        return new ServiceTargets(firstResponse, resolution);
    }
}
