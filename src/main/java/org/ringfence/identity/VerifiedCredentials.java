package org.ringfence.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Remembers, for a few minutes, that a username and password matched a stored hash, so that a
 * script sending HTTP Basic on every request does not pay for bcrypt every time. Entries are keyed
 * by an HMAC (with a key made fresh for each process) of the username and password, never the
 * password itself, and are tied to the stored hash: a changed password invalidates them on every
 * instance. Throttling and the enabled check still run on every request.
 */
@Component
class VerifiedCredentials {

	static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);

	static final int MAX_ENTRIES = 10_000;

	private final byte[] key = new byte[32];

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Clock clock;

	private record Entry(String passwordHash, Instant expires) {
	}

	VerifiedCredentials(Clock clock) {
		this.clock = clock;
		new SecureRandom().nextBytes(this.key);
	}

	/** Whether this username and password were verified against this stored hash recently. */
	boolean recentlyVerified(String username, String password, String passwordHash) {
		Entry entry = this.entries.get(fingerprint(username, password));
		return entry != null && entry.passwordHash().equals(passwordHash) && this.clock.instant().isBefore(entry.expires());
	}

	void verified(String username, String password, String passwordHash) {
		if (this.entries.size() >= MAX_ENTRIES) {
			Instant now = this.clock.instant();
			this.entries.values().removeIf(e -> !now.isBefore(e.expires()));
			if (this.entries.size() >= MAX_ENTRIES) {
				this.entries.clear();
			}
		}
		this.entries.put(fingerprint(username, password), new Entry(passwordHash, this.clock.instant().plus(TIME_TO_LIVE)));
	}

	private String fingerprint(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
