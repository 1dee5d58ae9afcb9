package dev.bazaar.platform.web;

import dev.bazaar.platform.DomainException;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Bean Validation for requests that do not come through a controller's {@code @Valid} (the pages call the modules'
 * facades in-process): the same constraints, refused with the same 400 {@code VALIDATION_FAILED} envelope. The
 * modules' facades call it, so it refuses as a module does, with a {@link DomainException}.
 */
@Component
public class RequestValidator {

    private final Validator validator;

    RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** The request, if it meets its constraints; else INVALID_REQUEST naming each field that does not. */
    public <T> T valid(T request) {
        List<ErrorDetail> problems = problems(request);
        if (!problems.isEmpty()) {
            throw DomainException.invalidRequest("VALIDATION_FAILED", "Some fields are not valid", problems);
        }
        return request;
    }

    /** What is wrong with the request, field by field (sorted by field); empty when nothing is. */
    public <T> List<ErrorDetail> problems(T request) {
        return validator.validate(request).stream()
                .map(v -> new ErrorDetail(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(ErrorDetail::field))
                .toList();
    }
}
