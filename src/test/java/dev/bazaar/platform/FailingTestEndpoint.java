package dev.bazaar.platform;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exists only on the test classpath: fails the way a bug would, with internals in the exception message. */
@RestController
class FailingTestEndpoint {

    static final String PATH = "/api/v1/test-support/failure";

    static final String LARGE_PATH = "/api/v1/test-support/large";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException("bad SQL grammar [SELECT * FROM secret_table]");
    }

    /** 64 MB of JSON: more than the socket buffers hold, so a client that hangs up makes the write fail. */
    @GetMapping(path = LARGE_PATH, produces = "application/json")
    String large() {
        return "\"" + "x".repeat(64 * 1024 * 1024) + "\"";
    }
}
