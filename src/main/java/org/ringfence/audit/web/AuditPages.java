package org.ringfence.audit.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ringfence.audit.AuditTrail;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.Roles;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AuditPages {

	private final AuditTrail trail;

	private final CurrentAccess access;

	AuditPages(AuditTrail trail, CurrentAccess access) {
		this.trail = trail;
		this.access = access;
	}

	@GetMapping("/audit")
	@PreAuthorize(Roles.AUDIT_READERS)
	String audit(@RequestParam(defaultValue = "false") boolean verify, Model model) {
		Optional<List<String>> boroughs = this.access.boroughsOrAll();
		Instant now = Instant.now();
		model.addAttribute("entries", this.trail.entries(now.minusSeconds(90L * 24 * 3600), now.plusSeconds(60), boroughs, 200));
		model.addAttribute("scoped", boroughs.isPresent());
		if (verify) {
			model.addAttribute("verification", this.trail.verify());
		}
		return "audit/audit";
	}

}
