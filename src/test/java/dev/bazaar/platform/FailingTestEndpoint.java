package dev.bazaar.platform;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exists only on the test classpath: fails the way a bug would, with internals in the exception message. */
@RestController
class FailingTestEndpoint {

    static final String PATH = "/api/v1/test-support/failure";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException("bad SQL grammar [SELECT * FROM secret_table]");
    }
}
