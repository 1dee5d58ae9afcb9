package dev.bazaar.web.internal.storefront;

import dev.bazaar.identity.Address;
import dev.bazaar.order.ShopperOrders;

/** A shipping address as the account and checkout forms send it. */
record AddressForm(
        String label,
        String recipient,
        String line1,
        String line2,
        String city,
        String region,
        String postalCode,
        String country,
        String phone,
        Boolean makeDefault) {

    Address toAddress(boolean isDefault) {
        return new Address(
                blankToNull(label),
                recipient,
                line1,
                blankToNull(line2),
                city,
                blankToNull(region),
                postalCode,
                country == null ? null : country.strip().toUpperCase(java.util.Locale.ROOT),
                blankToNull(phone),
                isDefault);
    }

    ShopperOrders.ShippingAddress toShipping() {
        return new ShopperOrders.ShippingAddress(
                recipient,
                line1,
                line2,
                city,
                region,
                postalCode,
                country == null ? null : country.strip().toUpperCase(java.util.Locale.ROOT),
                phone);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
