package org.openrom.fhir.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.EnableWhenBehavior;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemEnableWhenComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.openrom.api.fhir.AnswerValue;

/**
 * Compiles an R4 Questionnaire into {@link ItemRule}s, once, at start. Refuses (IllegalArgumentException naming
 * the measure and the item) what the check cannot judge the way HAPI's validator would: item types and answer
 * types OpenROM does not use, choice items without answerOptions, repeating groups, enableWhenExpression,
 * several enableWhen without enableBehavior.
 */
public final class QuestionnaireCompiler {
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String MAX_LENGTH = "http://hl7.org/fhir/StructureDefinition/maxLength";
    static final String ENABLE_WHEN_EXPRESSION =
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";

    private final String measureId;
    private final List<ItemRule> rules = new ArrayList<>();

    private QuestionnaireCompiler(String measureId) {
        this.measureId = measureId;
    }

    /** @throws IllegalArgumentException when the Questionnaire uses something the check does not support */
    public static CompiledQuestionnaire compile(String measureId, Questionnaire q) {
        if (!q.hasUrl() || !q.hasVersion()) {
            throw new IllegalArgumentException(measureId + ": a Questionnaire needs url and version");
        }
        QuestionnaireCompiler c = new QuestionnaireCompiler(measureId);
        c.items(q.getItem(), null, false);
        CompiledQuestionnaire compiled = new CompiledQuestionnaire(measureId, q.getUrl(), q.getVersion(), c.rules);
        for (ItemRule rule : compiled.items()) {
            for (EnableCondition condition : rule.enableWhen()) {
                if (compiled.item(condition.question()) == null) {
                    throw new IllegalArgumentException(measureId + ": item " + rule.linkId()
                            + ": enableWhen names no such item: " + condition.question());
                }
            }
        }
        return compiled;
    }

    private void items(List<QuestionnaireItemComponent> items, @Nullable ItemRule parent, boolean underAnswer) {
        for (QuestionnaireItemComponent item : items) {
            ItemRule rule = item(item, parent, underAnswer);
            rules.add(rule);
            if (item.hasItem()) {
                if (rule.type() == ItemType.DISPLAY) {
                    throw refuse(item, "a display item cannot have sub-items");
                }
                items(item.getItem(), rule, rule.type().isQuestion());
            }
        }
    }

    private ItemRule item(QuestionnaireItemComponent item, @Nullable ItemRule parent, boolean underAnswer) {
        if (!item.hasLinkId() || item.getType() == null) {
            throw new IllegalArgumentException(measureId + ": every item needs a linkId and a type");
        }
        ItemType type;
        try {
            type = ItemType.ofFhirCode(item.getType().toCode());
        } catch (IllegalArgumentException e) {
            throw refuse(item, e.getMessage());
        }
        if (type == ItemType.GROUP && item.getRepeats()) {
            throw refuse(item, "repeating groups are not supported");
        }
        if (type.isQuestion() && item.getRepeats() && item.hasItem()) {
            // HAPI checks such sub-items once per answer; flattened answers cannot say which answer they belong to.
            throw refuse(item, "sub-items of a repeating question are not supported");
        }
        if (item.hasExtension(ENABLE_WHEN_EXPRESSION)) {
            throw refuse(item, "enableWhenExpression is not supported; use enableWhen");
        }
        List<EnableCondition> conditions = new ArrayList<>();
        for (QuestionnaireItemEnableWhenComponent ew : item.getEnableWhen()) {
            conditions.add(condition(item, ew));
        }
        if (conditions.size() > 1 && !item.hasEnableBehavior()) {
            throw refuse(item, "several enableWhen need an enableBehavior");
        }
        return new ItemRule(
                item.getLinkId(),
                type,
                rules.size(),
                parent == null ? null : parent.linkId(),
                underAnswer,
                item.hasText() ? item.getText() : null,
                item.getRequired(),
                item.getRepeats(),
                item.getReadOnly(),
                options(item, type),
                bounds(item, type),
                conditions,
                item.getEnableBehavior() == EnableWhenBehavior.ALL);
    }

    private Set<Option> options(QuestionnaireItemComponent item, ItemType type) {
        if (item.hasAnswerValueSet()) {
            throw refuse(item, "answerValueSet is not supported; list answerOptions");
        }
        if (type != ItemType.CHOICE) {
            if (item.hasAnswerOption()) {
                throw refuse(item, "answerOptions are only supported on choice items");
            }
            return Set.of();
        }
        Set<Option> options = new LinkedHashSet<>();
        for (QuestionnaireItemAnswerOptionComponent o : item.getAnswerOption()) {
            if (!o.hasValueCoding() || !o.getValueCoding().hasCode()) {
                throw refuse(item, "every answerOption needs a valueCoding with a code");
            }
            options.add(new Option(o.getValueCoding().getSystem(), o.getValueCoding().getCode()));
        }
        if (options.isEmpty()) {
            throw refuse(item, "a choice item needs answerOptions");
        }
        return options;
    }

    private ValueBounds bounds(QuestionnaireItemComponent item, ItemType type) {
        Extension minExt = item.getExtensionByUrl(MIN_VALUE);
        Extension maxExt = item.getExtensionByUrl(MAX_VALUE);
        int maxLength = item.hasMaxLength() ? item.getMaxLength() : 0;
        Extension lengthExt = item.getExtensionByUrl(MAX_LENGTH);
        if (lengthExt != null && lengthExt.getValue() instanceof IntegerType i) {
            maxLength = i.getValue();
        }
        if (maxLength > 0 && type != ItemType.STRING && type != ItemType.TEXT) {
            throw refuse(item, "maxLength is only supported on string and text items");
        }
        if (minExt == null && maxExt == null) {
            return new ValueBounds(null, null, null, null, maxLength);
        }
        return switch (type) {
            case INTEGER -> new ValueBounds(integer(item, minExt), integer(item, maxExt), null, null, maxLength);
            case DECIMAL -> new ValueBounds(number(item, minExt), number(item, maxExt), null, null, maxLength);
            case DATE -> new ValueBounds(null, null, date(item, minExt), date(item, maxExt), maxLength);
            default -> throw refuse(item, "minValue/maxValue are only supported on integer, decimal and date items");
        };
    }

    /** An integer item's bounds must be valueInteger: HAPI's validator fails every answer otherwise. */
    private @Nullable BigDecimal integer(QuestionnaireItemComponent item, @Nullable Extension ext) {
        if (ext != null && !(ext.getValue() instanceof IntegerType)) {
            throw refuse(item, "minValue/maxValue of an integer item must be valueInteger");
        }
        return number(item, ext);
    }

    private @Nullable BigDecimal number(QuestionnaireItemComponent item, @Nullable Extension ext) {
        if (ext == null) {
            return null;
        } else if (ext.getValue() instanceof IntegerType i) {
            return BigDecimal.valueOf(i.getValue());
        } else if (ext.getValue() instanceof DecimalType d) {
            return d.getValue();
        }
        throw refuse(item, "minValue/maxValue must be valueInteger or valueDecimal");
    }

    private @Nullable LocalDate date(QuestionnaireItemComponent item, @Nullable Extension ext) {
        if (ext == null) {
            return null;
        } else if (ext.getValue() instanceof DateType d && d.getPrecision() == ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            return LocalDate.parse(d.getValueAsString());
        }
        throw refuse(item, "minValue/maxValue of a date item must be a full valueDate");
    }

    private EnableCondition condition(QuestionnaireItemComponent item, QuestionnaireItemEnableWhenComponent ew) {
        try {
            EnableCondition.Operator op = EnableCondition.Operator.ofFhirCode(ew.getOperator().toCode());
            return new EnableCondition(ew.getQuestion(), op, value(ew.getAnswer()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw refuse(item, "enableWhen: " + e.getMessage());
        }
    }

    private static AnswerValue value(Type t) {
        if (t instanceof BooleanType b) {
            return new AnswerValue.BooleanValue(b.booleanValue());
        } else if (t instanceof IntegerType i) {
            return new AnswerValue.IntegerValue(i.getValue());
        } else if (t instanceof DecimalType d) {
            return new AnswerValue.DecimalValue(d.getValue());
        } else if (t instanceof StringType s) {
            return new AnswerValue.StringValue(s.getValue());
        } else if (t instanceof DateType d && d.getPrecision() == ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY) {
            return new AnswerValue.DateValue(LocalDate.parse(d.getValueAsString()));
        } else if (t instanceof Coding c && c.hasCode()) {
            return new AnswerValue.CodingValue(c.getSystem(), c.getCode(), c.getDisplay());
        }
        throw new IllegalArgumentException("unsupported answer " + (t == null ? "(none)" : t.fhirType()));
    }

    private IllegalArgumentException refuse(QuestionnaireItemComponent item, @Nullable String why) {
        return new IllegalArgumentException(measureId + ": item " + item.getLinkId() + ": " + why);
    }
}
