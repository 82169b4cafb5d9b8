package org.crmkit.core.sales;

/** A standard field of an opportunity that a {@link StageGate} can require; {@link #field()} is its API name. */
public enum DealField {
    AMOUNT("amount"),
    EXPECTED_CLOSE_DATE("expectedCloseDate"),
    NEXT_STEP("nextStep"),
    PRIMARY_CONTACT("primaryContact");

    private final String field;

    DealField(String field) {
        this.field = field;
    }

    /** The name used in violations, e.g. {@code expectedCloseDate}. */
    public String field() {
        return field;
    }

    boolean isSetOn(Opportunity deal) {
        return switch (this) {
            case AMOUNT -> deal.amount() != null;
            case EXPECTED_CLOSE_DATE -> deal.expectedCloseDate() != null;
            case NEXT_STEP -> deal.nextStep() != null;
            case PRIMARY_CONTACT -> deal.primaryContact() != null;
        };
    }
}
