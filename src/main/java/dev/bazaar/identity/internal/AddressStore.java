package dev.bazaar.identity.internal;

import dev.bazaar.identity.Address;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_addresses} table: a user's saved addresses in the order the user gave them. */
@Repository
class AddressStore {

    private final JdbcClient jdbc;

    AddressStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Address> of(UUID userId) {
        return jdbc.sql("SELECT label, recipient, line1, line2, city, region, postal_code, country, phone, is_default "
                        + "FROM user_addresses WHERE user_id = :userId ORDER BY position")
                .param("userId", userId)
                .query((rs, row) -> new Address(
                        rs.getString("label"),
                        rs.getString("recipient"),
                        rs.getString("line1"),
                        rs.getString("line2"),
                        rs.getString("city"),
                        rs.getString("region"),
                        rs.getString("postal_code"),
                        rs.getString("country"),
                        rs.getString("phone"),
                        rs.getBoolean("is_default")))
                .list();
    }

    void replace(UUID userId, List<Address> addresses) {
        jdbc.sql("DELETE FROM user_addresses WHERE user_id = :userId")
                .param("userId", userId)
                .update();
        for (int position = 0; position < addresses.size(); position++) {
            Address a = addresses.get(position);
            jdbc.sql("INSERT INTO user_addresses (user_id, position, label, recipient, line1, line2, city, region, "
                            + "postal_code, country, phone, is_default) VALUES (:userId, :position, :label, "
                            + ":recipient, :line1, :line2, :city, :region, :postalCode, :country, :phone, :isDefault)")
                    .param("userId", userId)
                    .param("position", position)
                    .param("label", a.label())
                    .param("recipient", a.recipient())
                    .param("line1", a.line1())
                    .param("line2", a.line2())
                    .param("city", a.city())
                    .param("region", a.region())
                    .param("postalCode", a.postalCode())
                    .param("country", a.country())
                    .param("phone", a.phone())
                    .param("isDefault", a.isDefault())
                    .update();
        }
    }
}
