/**
 * Audit: the append-only trail of every change of state. It only listens: every module publishes
 * an {@link org.ringfence.platform.AuditableEvent} inside its transaction and this module writes the
 * entry in that same transaction, so a change and its entry commit or roll back together. The
 * database numbers and hash-chains entries and refuses UPDATE, DELETE and TRUNCATE.
 */
package org.ringfence.audit;
