package dev.bazaar.platform.cache;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.util.ClassUtils;
import tools.jackson.core.TreeNode;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.databind.jsontype.impl.DefaultTypeResolverBuilder;

/**
 * How cached values are written to Redis: JSON (Jackson 3) in which every value whose class the reader could not
 * know is wrapped with its class name, {@code ["dev.bazaar.cart.internal.CartRows", {...}]}, so that whatever a
 * module caches reads back as what it put in: records of {@code internal} packages, {@code List.of(...)} and
 * {@code Map.of(...)} of records, {@code List<UUID>}, a bare {@code Long} count. The root is written as an
 * {@code Object} so that it is wrapped too (a final JDK class such as a {@code List.of} list or a {@code Long}
 * would otherwise be written bare and read back as an untyped list or an {@code Integer}). Wrapping in an array
 * rather than adding an {@code @class} property keeps maps intact.
 *
 * <p>Only Bazaar's own classes and JDK value and collection types may be named in a stored value, so that a
 * tampered entry cannot make the reader instantiate anything else. Unknown properties are ignored, so an entry
 * written by an older version of a record still reads where it can; where it cannot, the read fails with a
 * {@link SerializationException} and the cache drops the entry.
 */
final class CacheValueJson implements RedisSerializer<Object> {

    private static final PolymorphicTypeValidator ALLOWED = BasicPolymorphicTypeValidator.builder()
            .allowIfSubType("dev.bazaar.")
            .allowIfSubType("java.util.")
            .allowIfSubType("java.lang.")
            .allowIfSubType("java.math.")
            .allowIfSubType("java.time.")
            .allowIfSubTypeIsArray()
            .build();

    private final JsonMapper mapper = JsonMapper.builder()
            .setDefaultTyping(new WrapUnlessObvious())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static RedisSerializer<Object> serializer() {
        return new CacheValueJson();
    }

    @Override
    public byte[] serialize(Object value) {
        if (value == null) {
            return new byte[0];
        }
        try {
            return mapper.writerFor(Object.class).writeValueAsBytes(value);
        } catch (RuntimeException e) {
            throw new SerializationException(
                    "Could not write " + value.getClass().getName() + " as JSON", e);
        }
    }

    @Override
    public Object deserialize(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            return mapper.readValue(bytes, Object.class);
        } catch (RuntimeException e) {
            throw new SerializationException("Could not read cached JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Type information wherever the declared type does not fix the class: not for primitives and their wrappers,
     * enums, final JDK classes and {@code BigDecimal}/{@code BigInteger}, which are not final but never
     * subclassed (a {@code BigDecimal} field is a {@code BigDecimal}) or JSON trees. Unlike Jackson's
     * {@code NON_FINAL}, records (final) declared as themselves are wrapped too, which costs a few bytes and
     * keeps the rule simple.
     */
    private static final class WrapUnlessObvious extends DefaultTypeResolverBuilder {

        WrapUnlessObvious() {
            super(ALLOWED, DefaultTyping.NON_FINAL, JsonTypeInfo.As.WRAPPER_ARRAY);
        }

        @Override
        public boolean useForType(JavaType type) {
            while (type.isArrayType() || type.isReferenceType()) {
                type = type.isArrayType() ? type.getContentType() : type.getReferencedType();
            }
            if (type.isJavaLangObject()) {
                return true;
            }
            Class<?> raw = type.getRawClass();
            if (type.isEnumType() || ClassUtils.isPrimitiveOrWrapper(raw) || TreeNode.class.isAssignableFrom(raw)) {
                return false;
            }
            if (raw == BigDecimal.class || raw == BigInteger.class) {
                // not final, but never subclassed in practice: a BigDecimal field is a BigDecimal, and an amount
                // written as a bare number (Money.AmountJson) reads back into one
                return false;
            }
            return !(type.isFinal() && raw.getPackageName().startsWith("java."));
        }
    }
}
