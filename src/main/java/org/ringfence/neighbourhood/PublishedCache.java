package org.ringfence.neighbourhood;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What is published, kept for a short time so that the public API answers from memory. Every
 * change in this module clears it when its transaction commits; changes elsewhere (a team's
 * postings) show within {@link NeighbourhoodProperties#cacheSeconds()}.
 */
@Component
class PublishedCache {

	private record Entry(Object value, long expiresAt) {
	}

	private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	PublishedCache(NeighbourhoodProperties properties) {
		this.ttlNanos = properties.cacheSeconds() * 1_000_000_000L;
	}

	@SuppressWarnings("unchecked")
	<T> T get(String key, Supplier<T> load) {
		long now = System.nanoTime();
		Entry entry = this.entries.get(key);
		if (entry != null && entry.expiresAt() - now > 0) {
			return (T) entry.value();
		}
		T value = load.get();
		if (this.ttlNanos > 0) {
			if (this.entries.size() > 10_000) {
				this.entries.clear();
			}
			this.entries.put(key, new Entry(value, now + this.ttlNanos));
		}
		return value;
	}

	/** Clears everything once the current transaction commits (at once outside one). */
	void clearAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					PublishedCache.this.entries.clear();
				}
			});
		}
		else {
			this.entries.clear();
		}
	}

}
