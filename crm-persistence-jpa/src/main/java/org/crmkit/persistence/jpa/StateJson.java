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
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StorageException;

/**
 * The JSON form of state records and domain events. It needs no annotation on the domain classes: records are
 * written field by field and read through their canonical constructor (which validates them again), dates and
 * times as ISO-8601 text, {@link Money} as exact decimal text plus currency code, and a value whose declared type
 * is a sealed interface carries its class name without the package in {@code "@type"}. Thread-safe.
 */
final class StateJson {

    private final ObjectMapper mapper;

    StateJson(Consumer<ObjectMapper> customizer) {
        mapper = new ObjectMapper();
        mapper.setVisibility(PropertyAccessor.ALL, Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
        mapper.setVisibility(PropertyAccessor.CREATOR, Visibility.ANY);
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.registerModule(new SimpleModule("crmkit-values")
                .addSerializer(Money.class, new MoneySerializer())
                .addDeserializer(Money.class, new MoneyDeserializer()));
        mapper.setSubtypeResolver(new PermittedSubtypes());
        mapper.setDefaultTyping(new SealedTypes()
                .init(JsonTypeInfo.Value.construct(JsonTypeInfo.Id.NAME, JsonTypeInfo.As.PROPERTY, "@type", null, false, null), null)
                .inclusion(JsonTypeInfo.As.PROPERTY));
        customizer.accept(mapper);
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new StorageException("cannot read a stored " + type.getSimpleName() + " from its JSON: " + e.getMessage(), e);
        }
    }

    /** Typing for values declared as a sealed interface or sealed abstract class, nothing else. */
    private static final class SealedTypes extends ObjectMapper.DefaultTypeResolverBuilder {

        SealedTypes() {
            super(ObjectMapper.DefaultTyping.NON_FINAL, LaissezFaireSubTypeValidator.instance);
        }

        @Override
        public boolean useForType(JavaType type) {
            return type.getRawClass().isSealed();
        }
    }

    /** Names the permitted subclasses of a sealed type by their class names, so "@type" needs no registration. */
    private static final class PermittedSubtypes extends StdSubtypeResolver {

        @Override
        public Collection<NamedType> collectAndResolveSubtypesByClass(MapperConfig<?> config, AnnotatedMember property, JavaType baseType) {
            return withPermitted(super.collectAndResolveSubtypesByClass(config, property, baseType), baseType.getRawClass());
        }

        @Override
        public Collection<NamedType> collectAndResolveSubtypesByClass(MapperConfig<?> config, AnnotatedClass baseType) {
            return withPermitted(super.collectAndResolveSubtypesByClass(config, baseType), baseType.getRawType());
        }

        @Override
        public Collection<NamedType> collectAndResolveSubtypesByTypeId(MapperConfig<?> config, AnnotatedMember property, JavaType baseType) {
            return withPermitted(super.collectAndResolveSubtypesByTypeId(config, property, baseType), baseType.getRawClass());
        }

        @Override
        public Collection<NamedType> collectAndResolveSubtypesByTypeId(MapperConfig<?> config, AnnotatedClass baseType) {
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
            return Money.of(new BigDecimal(node.get("amount").asText()), node.get("currency").asText());
        }
    }
}
