package org.crmkit.workflow.dunning;

import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.ActionPayload;

/** The action of handing a dunning case to the lawyer, delivered through the host's {@code LegalHandOff}. */
public record LegalHandOffRequest(Dossier dossier) implements ActionPayload {

    public LegalHandOffRequest {
        Require.notNull(dossier, "dossier");
    }

    @Override
    public String describe() {
        return "legal hand-off of " + dossier.accountName() + " claiming "
                + dossier.claim().total();
    }
}
