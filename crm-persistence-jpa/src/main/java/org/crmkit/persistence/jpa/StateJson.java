package org.crmkit.persistence.jpa;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import com.fasterxml.jackson.databind.jsontype.impl.StdSubtypeResolver;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StorageException;

/**
 * The JSON form of state records and domain events. It needs no annotation on the domain classes: records are
 * written field by field and read through their canonical constructor (which validates them again), dates and
 * times as ISO-8601 text, {@link Money} as exact decimal text plus currency code, and a value whose declared type
 * is a sealed interface carries its class name without the package in {@code "@type"}. Thread-safe.
 *
 * <p>Documents written by another crmkit version are read by one rule (README, "Upgrading: stored documents"): a
 * property the record no longer has is ignored; a property the record has but the document lacks is read as null,
 * which the record's constructor refuses when it requires the value; a missing number or yes/no value is refused,
 * as it has no null. A refused document fails with a {@link StorageException} naming the stored record, the
 * property and the problem.
 */
final class StateJson {

    private final ObjectMapper mapper;

    StateJson(Consumer<ObjectMapper> customizer) {
        mapper = new ObjectMapper();
        mapper.setVisibility(PropertyAccessor.ALL, Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, Visibility.ANY);
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(new BlackbirdModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.registerModule(new SimpleModule("crmkit-values")
                .addSerializer(Money.class, new MoneySerializer())
                .addDeserializer(Money.class, new MoneyDeserializer())
                .addDeserializer(Instant.class, new InstantText()));
        mapper.setSubtypeResolver(new PermittedSubtypes());
        mapper.setDefaultTyping(new SealedTypes()
                .init(
                        JsonTypeInfo.Value.construct(
                                JsonTypeInfo.Id.NAME, JsonTypeInfo.As.PROPERTY, "@type", null, false, null),
                        null)
                .inclusion(JsonTypeInfo.As.PROPERTY));
        customizer.accept(mapper);
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException(
                    "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads {@code json} as {@code type}; {@code stored} names the stored record in a failure, e.g. "Task 0190...". */
    <T> T read(String json, Class<T> type, String stored) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonMappingException e) {
            throw new StorageException(
                    "cannot read the stored " + stored + " as " + type.getSimpleName() + ": " + problem(json, e)
                            + " (see \"Upgrading: stored documents\" in crm-persistence-jpa's README)",
                    e);
        } catch (IOException e) {
            throw new StorageException(
                    "cannot read the stored " + stored + " as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The property that failed (its path from the document's root) and what is wrong with it. */
    private String problem(String json, JsonMappingException e) {
        List<String> path = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            path.add(
                    reference.getFieldName() != null ? reference.getFieldName() : String.valueOf(reference.getIndex()));
        }
        if (e.getCause() instanceof InvalidValueException invalid) {
            for (String step : invalid.field().split("[.\\[\\]]+")) {
                if (!step.isEmpty()) {
                    path.add(step);
                }
            }
        }
        String property = String.join(".", path);
        if (path.isEmpty()) {
            return e.getOriginalMessage();
        }
        if (isAbsent(json, path)) {
            return property + " is missing from the stored document";
        }
        return property + " is not valid: "
                + (e.getCause() instanceof CrmException refused ? refused.getMessage() : e.getOriginalMessage());
    }

    private boolean isAbsent(String json, List<String> path) {
        try {
            JsonNode node = mapper.readTree(json);
            for (String step : path) {
                node = node.isArray() && step.chars().allMatch(Character::isDigit)
                        ? node.path(Integer.parseInt(step))
                        : node.path(step);
            }
            return node.isMissingNode() || node.isNull();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Typing for values declared as one of crmkit's sealed interfaces or sealed abstract classes, nothing else. The
     * JDK seals some of its own types in newer releases ({@code java.time.ZoneId} is sealed on JDK 25): those keep
     * the plain form their Jackson module gives them, so a document reads the same on every JDK.
     */
    private static final class SealedTypes extends ObjectMapper.DefaultTypeResolverBuilder {

        SealedTypes() {
            super(ObjectMapper.DefaultTyping.NON_FINAL, LaissezFaireSubTypeValidator.instance);
        }

        @Override
        public boolean useForType(JavaType type) {
            Class<?> declared = type.getRawClass();
            return declared.isSealed() && !isJdkType(declared);
        }

        /** Loaded by the JDK's own class loaders (bootstrap or platform), not by the application's. */
        private static boolean isJdkType(Class<?> type) {
            ClassLoader loader = type.getClassLoader();
            return loader == null || loader == ClassLoader.getPlatformClassLoader();
        }
    }

    /** Names the permitted subclasses of a sealed type by their class names, so "@type" needs no registration. */
    private static final class PermittedSubtypes extends StdSubtypeResolver {

        @Override
        public Collection<NamedType> collectAndResolveSubtypesByClass(
                MapperConfig<?> config, AnnotatedMember property, JavaType baseType) {
            return withPermitted(
                    super.collectAndResolveSubtypesByClass(config, property, baseType), baseType.getRawClass());
        }

        @Override
        public Collection<NamedType> collectAndResolveSubtypesByClass(MapperConfig<?> config, AnnotatedClass baseType) {
            return withPermitted(super.collectAndResolveSubtypesByClass(config, baseType), baseType.getRawType());
        }

        @Override
        public Collection<NamedType> collectAndResolveSubtypesByTypeId(
                MapperConfig<?> config, AnnotatedMember property, JavaType baseType) {
            return withPermitted(
                    super.collectAndResolveSubtypesByTypeId(config, property, baseType), baseType.getRawClass());
        }

        @Override
        public Collection<NamedType> collectAndResolveSubtypesByTypeId(
                MapperConfig<?> config, AnnotatedClass baseType) {
            return withPermitted(super.collectAndResolveSubtypesByTypeId(config, baseType), baseType.getRawType());
        }

        private static Collection<NamedType> withPermitted(Collection<NamedType> found, Class<?> type) {
            List<NamedType> all = new ArrayList<>(found);
            addPermitted(type, all);
            return all;
        }

        private static void addPermitted(Class<?> type, List<NamedType> into) {
            if (!type.isSealed()) {
                return;
            }
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                into.removeIf(named -> named.getType() == permitted);
                into.add(new NamedType(permitted, typeName(permitted)));
                addPermitted(permitted, into);
            }
        }
    }

    /** The class name without its package ({@code CustomFieldValue$TextValue}), as Jackson names types by default. */
    private static String typeName(Class<?> type) {
        return type.getName().substring(type.getName().lastIndexOf('.') + 1);
    }

    private static final class MoneySerializer extends StdSerializer<Money> {

        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money money, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("amount", money.amount().toString());
            json.writeStringField("currency", money.currencyCode());
            json.writeEndObject();
        }
    }

    private static final class MoneyDeserializer extends StdDeserializer<Money> {

        MoneyDeserializer() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            return Money.of(
                    new BigDecimal(node.get("amount").asText()),
                    node.get("currency").asText());
        }
    }
}
