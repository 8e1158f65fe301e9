package org.ringfence.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ringfence.audit.AuditEntry;
import org.ringfence.audit.AuditTrail;
import org.ringfence.audit.ChainVerification;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;
import org.ringfence.platform.InvalidInput;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained trail of changes")
@ApiResponse(responseCode = "400", description = "Invalid parameter")
@ApiResponse(responseCode = "401", description = "Not logged in")
@ApiResponse(responseCode = "403", description = "Role does not allow this")
class AuditController {

	private final AuditTrail trail;

	private final CurrentAccess access;

	AuditController(AuditTrail trail, CurrentAccess access) {
		this.trail = trail;
		this.access = access;
	}

	@GetMapping
	@PreAuthorize(Roles.AUDIT_READERS)
	@Operation(summary = "Entries recorded from..to (ISO date or instant; default the last 7 days), newest first, "
			+ "within the caller's scope (borough roles see their borough's entries)")
	List<AuditEntry> entries(@RequestParam Optional<String> from, @RequestParam Optional<String> to,
			@RequestParam(defaultValue = "200") int limit) {
		Instant end = to.map(t -> instant(t, "to", true)).orElse(Instant.now());
		Instant start = from.map(f -> instant(f, "from", false)).orElse(end.minusSeconds(7 * 24 * 3600));
		if (!start.isBefore(end) || limit < 1 || limit > AuditTrail.MAX_ENTRIES) {
			throw new InvalidInput("from must be before to, and limit 1-" + AuditTrail.MAX_ENTRIES + ".",
					List.of(new InvalidInput.FieldError("from/to/limit", "out of range")));
		}
		Optional<List<String>> boroughs = this.access.boroughsOrAll();
		return this.trail.entries(start, end, boroughs, limit);
	}

	@GetMapping("/verify")
	@PreAuthorize(Roles.AUDIT_VERIFIERS)
	@Operation(summary = "Recompute the hash chain: {entries, valid, firstInvalidSeq}")
	ChainVerification verify() {
		return this.trail.verify();
	}

	private static Instant instant(String text, String field, boolean endOfDay) {
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInput(field + " must be a date (2026-11-01) or an instant (2026-11-01T09:00:00Z).",
					List.of(new InvalidInput.FieldError(field, "not a date or instant")));
		}
	}

}
