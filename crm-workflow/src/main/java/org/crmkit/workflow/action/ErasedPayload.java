package org.crmkit.workflow.action;

/**
 * What stands in an action whose payload held a person's data once the person was erased
 * ({@code crm.privacy().erase}): the action keeps its workflow, subject, key, status and times, and says nothing of
 * what it delivered or was to deliver. An erased action is never delivered (see {@link Action#erased}).
 */
public record ErasedPayload() implements ActionPayload {

    @Override
    public String describe() {
        return "erased";
    }

    @Override
    public boolean holdsPersonalData() {
        return false;
    }
}
