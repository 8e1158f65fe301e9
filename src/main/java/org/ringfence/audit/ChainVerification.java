package org.ringfence.audit;

/**
 * The verdict on the hash chain: how many entries, whether every one still hashes to its stored
 * hash and links to its predecessor, and the first entry that does not (0 when valid).
 */
public record ChainVerification(long entries, boolean valid, long firstInvalidSeq) {
}
