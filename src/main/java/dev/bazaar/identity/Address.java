package dev.bazaar.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A saved shipping address, as clients send and receive it. */
public record Address(
        @Size(max = 50) String label,
        @NotBlank @Size(max = 255) String recipient,
        @NotBlank @Size(max = 255) String line1,
        @Size(max = 255) String line2,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String region,
        @NotBlank @Size(max = 20) String postalCode,

        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US")
        String country,

        @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number")
        String phone,

        Boolean isDefault) {

    /** Leaving {@code isDefault} out means "not the default". */
    public Address {
        isDefault = Boolean.TRUE.equals(isDefault);
    }
}
