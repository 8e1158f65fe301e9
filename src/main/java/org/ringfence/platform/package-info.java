/**
 * Platform: what every module shares and nothing else. The embedded PostgreSQL, the problem+json
 * error contract ({@link org.ringfence.platform.NotFound}, {@link org.ringfence.platform.DomainRuleViolation}),
 * and {@link org.ringfence.platform.AuditableEvent}, the event every change of state publishes so that
 * the audit module can record it without any module depending on audit. Platform depends on no module.
 */
package org.ringfence.platform;
