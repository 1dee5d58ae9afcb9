package dev.bazaar.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bazaar.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Exponential backoff of sign-in attempts per account and client address.
 *
 * <p>Each attempt is counted before the password is checked ({@link #attempt}), so a burst of parallel guesses
 * cannot slip past the limit while the slow password hash runs; a success forgets the count ({@link
 * #succeeded}). From the {@code freeFailures}-th counted attempt on, the next one from the same address must wait
 * {@code firstBlock × 2^(n − freeFailures)}, at most {@code maxBlock}. Attempts refused while blocked check no
 * password and do not count, so they neither guess nor lengthen the wait.
 *
 * <p>The key is the normalised email with the client's address: a guesser is slowed down on every account he
 * tries, while the account's owner, from another address, can still sign in. Nobody can lock another person out
 * of an account, for any length of time, without sharing that person's address. Counts live in this instance's
 * memory (bounded; a restart forgets them). Unknown emails are counted the same way, so the answer does not tell
 * which emails have accounts.
 */
@Component
class SignInBackoff {

    private final SignInBackoffProperties properties;
    private final Clock clock;
    private final Cache<String, Attempts> attempts;

    @Autowired
    SignInBackoff(SignInBackoffProperties properties) {
        this(properties, Clock.systemUTC());
    }

    SignInBackoff(SignInBackoffProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.attempts = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterWrite(properties.forgetAfter())
                .build();
    }

    /** Counts an attempt; throws {@link Blocked} (429) instead when this account and address must wait. */
    void attempt(String email, String clientAddress) {
        Instant now = clock.instant();
        Attempts[] refused = new Attempts[1];
        attempts.asMap().compute(key(email, clientAddress), (key, current) -> {
            if (current != null && current.blockedUntil().isAfter(now)) {
                refused[0] = current;
                return current;
            }
            int count = current == null ? 1 : current.count() + 1;
            return new Attempts(count, count >= properties.freeFailures() ? now.plus(blockAfter(count)) : now);
        });
        if (refused[0] != null) {
            throw new Blocked(Duration.between(now, refused[0].blockedUntil()));
        }
    }

    /** The right password: this account and address start again from nothing. */
    void succeeded(String email, String clientAddress) {
        attempts.invalidate(key(email, clientAddress));
    }

    /** How long the attempt numbered {@code count} (from 1) makes the next one wait. */
    Duration blockAfter(int count) {
        int doublings = Math.min(count - properties.freeFailures(), 30);
        Duration block = properties.firstBlock().multipliedBy(1L << doublings);
        return block.compareTo(properties.maxBlock()) > 0 ? properties.maxBlock() : block;
    }

    private static String key(String email, String clientAddress) {
        return email.strip().toLowerCase(Locale.ROOT) + '|' + clientAddress;
    }

    private record Attempts(int count, Instant blockedUntil) {}

    /** Too many wrong passwords for this account from this address; {@link #retryAfter} says how long. */
    static final class Blocked extends DomainException {

        private final Duration retryAfter;

        Blocked(Duration retryAfter) {
            super(
                    Kind.TOO_MANY_ATTEMPTS,
                    "TOO_MANY_ATTEMPTS",
                    "Too many failed sign-ins for this account; try again in " + seconds(retryAfter) + " seconds");
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return seconds(retryAfter);
        }

        private static long seconds(Duration duration) {
            return Math.max(1, (duration.toMillis() + 999) / 1000);
        }
    }
}
