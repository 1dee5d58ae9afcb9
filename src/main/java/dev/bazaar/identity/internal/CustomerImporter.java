package dev.bazaar.identity.internal;

import dev.bazaar.identity.CustomerImport;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports customer accounts without a password ({@link Users#NO_PASSWORD}), in one statement per batch. */
@Service
class CustomerImporter implements CustomerImport {

    private final Users users;

    CustomerImporter(Users users) {
        this.users = users;
    }

    @Override
    @Transactional
    public Map<String, UUID> importCustomers(Collection<ImportedCustomer> customers) {
        if (customers.isEmpty()) {
            return Map.of();
        }
        String[] emails = customers.stream()
                .map(customer -> customer.email().trim().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        String[] names = customers.stream().map(ImportedCustomer::name).toArray(String[]::new);
        users.insertWithoutPassword(emails, names);
        return users.idsByEmail(emails);
    }
}
