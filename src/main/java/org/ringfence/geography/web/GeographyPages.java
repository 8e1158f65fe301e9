package org.ringfence.geography.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringfence.geography.BoroughSummary;
import org.ringfence.geography.BoundaryImportReport;
import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.identity.CurrentAccess;
import org.ringfence.identity.RingfenceUser;
import org.ringfence.identity.Roles;
import org.ringfence.identity.Scope;
import org.ringfence.platform.InvalidInput;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

@Controller
class GeographyPages {

	private final GeographyService geography;

	private final CurrentAccess access;

	GeographyPages(GeographyService geography, CurrentAccess access) {
		this.geography = geography;
		this.access = access;
	}

	/** A scope in words, with a link to its page. */
	record ScopeLink(String label, String href) {
	}

	@GetMapping("/")
	@PreAuthorize(Roles.ANY_USER)
	String home(Model model) {
		RingfenceUser user = this.access.user();
		List<ScopeLink> links = new ArrayList<>();
		Map<String, String> wardNames = this.geography.wardNames();
		for (Scope scope : user.scopes().stream().sorted(java.util.Comparator.comparing(Scope::code)).toList()) {
			switch (scope.type()) {
				case FORCE -> links.add(new ScopeLink("All of London (Metropolitan Police Service)", "/boroughs"));
				case BOROUGH -> links.add(new ScopeLink(
						"Borough: " + this.geography.borough(scope.code()).name(), "/boroughs/" + scope.code()));
				case CLUSTER -> {
					ClusterSummary cluster = this.geography.cluster(scope.code());
					links.add(new ScopeLink("Cluster: " + this.geography.borough(cluster.boroughCode()).name() + " "
							+ cluster.name(), "/boroughs/" + cluster.boroughCode() + "#" + cluster.id()));
				}
				case WARD -> links.add(new ScopeLink("Ward: " + wardNames.getOrDefault(scope.code(), scope.code()),
						"/wards/" + scope.code()));
				case PERSON -> links.add(new ScopeLink("Your own records", "/people/" + scope.code()));
			}
		}
		model.addAttribute("user", user);
		model.addAttribute("scopeLinks", links);
		return "geography/home";
	}

	@GetMapping("/boroughs")
	@PreAuthorize(Roles.ANY_USER)
	String boroughs(Model model) {
		List<BoroughSummary> boroughs = this.geography.boroughs();
		model.addAttribute("boroughs", boroughs);
		model.addAttribute("wardTotal", boroughs.stream().mapToInt(BoroughSummary::wardCount).sum());
		return "geography/boroughs";
	}

	@GetMapping("/boroughs/{code}")
	@PreAuthorize(Roles.ANY_USER)
	String borough(@PathVariable String code, Model model) {
		BoroughSummary borough = this.geography.borough(code);
		model.addAttribute("borough", borough);
		model.addAttribute("clusters", this.geography.clusters(Optional.of(code)));
		model.addAttribute("wardNames", this.geography.wardNames());
		model.addAttribute("wards", this.geography.wards(Optional.of(code)));
		return "geography/borough";
	}

	@GetMapping("/admin/boundaries")
	@PreAuthorize(Roles.ADMIN)
	String boundaries() {
		return "geography/boundaries";
	}

	@PostMapping("/admin/boundaries")
	@PreAuthorize(Roles.ADMIN)
	String importBoundaries(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "") String name,
			Model model) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("error", "Choose a GeoJSON file to upload.");
			return "geography/boundaries";
		}
		String setName = name.isBlank() ? "Uploaded boundary set" : name.strip();
		try {
			BoundaryImportReport report = this.geography.importBoundaries(file.getBytes(), setName,
					"upload " + org.ringfence.platform.web.Uploads.safeName(file.getOriginalFilename()), dryRun);
			model.addAttribute("report", report);
		}
		catch (InvalidInput ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("errors", ex.errors());
		}
		return "geography/boundaries";
	}


}
