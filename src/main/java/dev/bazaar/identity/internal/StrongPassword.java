package dev.bazaar.identity.internal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A password good enough to protect an account with a saved address and payment history. Following NIST SP
 * 800-63B: length matters, composition rules do not; commonly used passwords are refused outright.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StrongPassword.Validator.class)
@interface StrongPassword {

    int MIN_LENGTH = 10;
    int MAX_LENGTH = 128;

    String message() default
            "must be 10 to 128 characters, use at least 5 different characters and not be a common password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StrongPassword, String> {

        private static final Set<String> COMMON = load();

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null) {
                return true; // @NotBlank reports a missing password
            }
            int length = password.codePointCount(0, password.length());
            return length >= MIN_LENGTH
                    && length <= MAX_LENGTH
                    && password.codePoints().distinct().count() >= 5
                    && !COMMON.contains(password.toLowerCase(Locale.ROOT));
        }

        private static Set<String> load() {
            var resource = StrongPassword.class.getResourceAsStream("/identity/common-passwords.txt");
            if (resource == null) {
                throw new IllegalStateException("identity/common-passwords.txt is missing from the classpath");
            }
            try (var reader = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(line -> line.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
