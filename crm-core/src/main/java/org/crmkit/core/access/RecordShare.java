package org.crmkit.core.access;

import java.util.UUID;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * An explicit share of one record with a user or a team (every member and the lead of the team): the record is
 * visible to the grantee whatever the {@link SharingModel}'s default, and changeable with {@link
 * ShareAccess#READ_WRITE}. {@code grantee} is the id of the user or of the team. A record has at most one share per
 * grantee.
 */
public record RecordShare(TenantId tenant, RecordRef record, UUID grantee, ShareAccess access) {

    public RecordShare {
        Require.notNull(tenant, "tenant");
        Require.notNull(record, "record");
        Require.notNull(grantee, "grantee");
        Require.notNull(access, "access");
        SharingModel.requireShared(record.type());
    }

    public static RecordShare withUser(TenantId tenant, RecordRef record, UserId user, ShareAccess access) {
        return new RecordShare(tenant, record, Require.notNull(user, "user").value(), access);
    }

    public static RecordShare withTeam(TenantId tenant, RecordRef record, TeamId team, ShareAccess access) {
        return new RecordShare(tenant, record, Require.notNull(team, "team").value(), access);
    }
}
