package org.openrom.fhir.internal;

import java.util.Locale;

/** The Questionnaire item types OpenROM's Questionnaires use; anything else is refused when compiling. */
public enum ItemType {
    GROUP("a group"),
    DISPLAY("a display"),
    CHOICE("a coding"),
    INTEGER("an integer"),
    DECIMAL("a decimal"),
    STRING("a string"),
    TEXT("a string"),
    BOOLEAN("a boolean"),
    DATE("a date");

    private final String answerKind;

    ItemType(String answerKind) {
        this.answerKind = answerKind;
    }

    /** The kind of answer the item takes, for messages ("expected an integer"). */
    public String answerKind() {
        return answerKind;
    }

    /** Whether the item takes answers at all. */
    public boolean isQuestion() {
        return this != GROUP && this != DISPLAY;
    }

    /**
     * @param code the FHIR R4 item type code, e.g. {@code choice}
     * @throws IllegalArgumentException for a type OpenROM does not support, naming it
     */
    public static ItemType ofFhirCode(String code) {
        for (ItemType t : values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unsupported item type: " + code);
    }
}
