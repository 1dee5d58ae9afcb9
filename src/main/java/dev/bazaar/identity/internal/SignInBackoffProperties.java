package dev.bazaar.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-account protection against password guessing ({@code bazaar.security.sign-in.*}): an email may fail
 * {@code freeFailures} times from one client address; then each further attempt from there waits
 * {@code firstBlock}, doubled per failure up to {@code maxBlock}. A success resets the count, and a count is
 * forgotten {@code forgetAfter} after its last failure. See docs/security.md, "Accounts and errors".
 */
@ConfigurationProperties("bazaar.security.sign-in")
record SignInBackoffProperties(int freeFailures, Duration firstBlock, Duration maxBlock, Duration forgetAfter) {

    SignInBackoffProperties {
        if (freeFailures < 1) {
            throw new IllegalArgumentException("bazaar.security.sign-in.free-failures must be at least 1");
        }
        firstBlock = firstBlock == null ? Duration.ofSeconds(30) : firstBlock;
        maxBlock = maxBlock == null ? Duration.ofMinutes(15) : maxBlock;
        forgetAfter = forgetAfter == null ? Duration.ofHours(24) : forgetAfter;
        if (firstBlock.isNegative() || firstBlock.isZero() || maxBlock.compareTo(firstBlock) < 0) {
            throw new IllegalArgumentException("bazaar.security.sign-in needs 0 < first-block <= max-block");
        }
    }
}
