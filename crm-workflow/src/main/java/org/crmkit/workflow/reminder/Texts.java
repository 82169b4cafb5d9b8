package org.crmkit.workflow.reminder;

/** Shapes rendered text for the limits of a message. */
final class Texts {

    private static final int MAX_SUBJECT = 200;

    private Texts() {}

    /** The subject cut to the 200 characters a message allows, ending in an ellipsis when cut. */
    static String subject(String subject) {
        String stripped = subject.strip();
        return stripped.length() <= MAX_SUBJECT ? stripped : stripped.substring(0, MAX_SUBJECT - 1) + "…";
    }
}
