package dev.bazaar.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Accounts for customers whose history comes from elsewhere (a previous shop's export, the demo data set). They get
 * no password: nobody can sign in to them until a password is set for them, yet their purchases can be recorded.
 */
public interface CustomerImport {

    /**
     * Creates a customer account for each email not registered yet; a registered email keeps its account.
     *
     * @return the account id of every given email, keyed by the email in lower case
     */
    Map<String, UUID> importCustomers(Collection<ImportedCustomer> customers);

    record ImportedCustomer(String email, String name) {}
}
