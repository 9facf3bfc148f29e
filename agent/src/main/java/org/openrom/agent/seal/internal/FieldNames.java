package org.openrom.agent.seal.internal;

import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The field names of the outgoing resources and their fixed values, each encoded once: the generator copies their
 * bytes instead of checking every character for escaping, and sealing writes millions of them.
 */
final class FieldNames {
    static final SerializedString ADDRESS = new SerializedString("address");
    static final SerializedString ANSWER = new SerializedString("answer");
    static final SerializedString AUTHORED = new SerializedString("authored");
    static final SerializedString CLASS = new SerializedString("class");
    static final SerializedString CODE = new SerializedString("code");
    static final SerializedString CODING = new SerializedString("coding");
    static final SerializedString DATA_ABSENT_REASON = new SerializedString("dataAbsentReason");
    static final SerializedString DERIVED_FROM = new SerializedString("derivedFrom");
    static final SerializedString EFFECTIVE_DATE_TIME = new SerializedString("effectiveDateTime");
    static final SerializedString ENCOUNTER = new SerializedString("encounter");
    static final SerializedString EPISODE_OF_CARE = new SerializedString("episodeOfCare");
    static final SerializedString EXTENSION = new SerializedString("extension");
    static final SerializedString GENDER = new SerializedString("gender");
    static final SerializedString ID = new SerializedString("id");
    static final SerializedString IDENTIFIER = new SerializedString("identifier");
    static final SerializedString INTERPRETATION = new SerializedString("interpretation");
    static final SerializedString ITEM = new SerializedString("item");
    static final SerializedString LINK_ID = new SerializedString("linkId");
    static final SerializedString PATIENT = new SerializedString("patient");
    static final SerializedString PERIOD = new SerializedString("period");
    static final SerializedString POSTAL_CODE = new SerializedString("postalCode");
    static final SerializedString QUESTIONNAIRE = new SerializedString("questionnaire");
    static final SerializedString REFERENCE = new SerializedString("reference");
    static final SerializedString RESOURCE_TYPE = new SerializedString("resourceType");
    static final SerializedString START = new SerializedString("start");
    static final SerializedString STATUS = new SerializedString("status");
    static final SerializedString SUBJECT = new SerializedString("subject");
    static final SerializedString SYSTEM = new SerializedString("system");
    static final SerializedString TYPE = new SerializedString("type");
    static final SerializedString URL = new SerializedString("url");
    static final SerializedString VALUE = new SerializedString("value");
    static final SerializedString VALUE_BOOLEAN = new SerializedString("valueBoolean");
    static final SerializedString VALUE_CODING = new SerializedString("valueCoding");
    static final SerializedString VALUE_DECIMAL = new SerializedString("valueDecimal");
    static final SerializedString VALUE_INTEGER = new SerializedString("valueInteger");
    static final SerializedString VALUE_QUANTITY = new SerializedString("valueQuantity");

    static final SerializedString EXT_AGE = new SerializedString(ResourceWriter.EXT_AGE);
    static final SerializedString EXT_DAYS = new SerializedString(ResourceWriter.EXT_DAYS);
    static final SerializedString EXT_LENGTH = new SerializedString(ResourceWriter.EXT_LENGTH);
    static final SerializedString EXT_ETHNIC = new SerializedString(ResourceWriter.EXT_ETHNIC);
    static final SerializedString SID_NHS = new SerializedString(ResourceWriter.SID_NHS);
    static final SerializedString SID_LOCAL = new SerializedString(ResourceWriter.SID_LOCAL);
    static final SerializedString CS_SCALE = new SerializedString(ResourceWriter.CS_SCALE);
    static final SerializedString CS_BAND = new SerializedString(ResourceWriter.CS_BAND);
    static final SerializedString CS_MISSING = new SerializedString(ResourceWriter.CS_MISSING);
    static final SerializedString CS_SERVICE = new SerializedString(ResourceWriter.CS_SERVICE);
    static final SerializedString CS_ETHNIC = new SerializedString(ResourceWriter.CS_ETHNIC);
    static final SerializedString CS_ACT = new SerializedString(ResourceWriter.CS_ACT);

    private FieldNames() {}
}
