package org.ringfence.neighbourhood;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The data.police.uk API's shapes (field names and JSON types as that API writes them: strings for
 * coordinates, population and dates; hyphenated keys for priorities). Only published information.
 */
public final class PoliceUk {

	private PoliceUk() {
	}

	public record Force(String id, String name) {
	}

	public record EngagementMethod(String url, String description, String title) {
	}

	@JsonPropertyOrder({ "description", "url", "engagement_methods", "telephone", "id", "name" })
	public record ForceDetail(String description, String url,
			@JsonProperty("engagement_methods") List<EngagementMethod> engagementMethods, String telephone, String id,
			String name) {
	}

	/** An officer as published: name, rank, a short bio (HTML) and contact details (none of their own). */
	public record Person(String name, String rank, String bio,
			@JsonProperty("contact_details") Map<String, String> contactDetails) {
	}

	public record NeighbourhoodSummary(String id, String name) {
	}

	public record Link(String url, String description, String title) {
	}

	public record Centre(String latitude, String longitude) {
	}

	public record Location(String name, String longitude, String postcode, String address, String latitude, String type,
			String description) {
	}

	@JsonPropertyOrder({ "url_force", "contact_details", "name", "links", "centre", "locations", "description",
			"population", "id" })
	public record Neighbourhood(@JsonProperty("url_force") String urlForce,
			@JsonProperty("contact_details") Map<String, String> contactDetails, String name, List<Link> links,
			Centre centre, List<Location> locations, String description, String population, String id) {
	}

	@JsonPropertyOrder({ "action", "issue-date", "action-date", "issue" })
	public record PublishedPriority(String action, @JsonProperty("issue-date") String issueDate,
			@JsonProperty("action-date") String actionDate, String issue) {
	}

	@JsonPropertyOrder({ "contact_details", "description", "title", "address", "type", "start_date", "end_date" })
	public record Event(@JsonProperty("contact_details") Map<String, String> contactDetails, String description,
			String title, String address, String type, @JsonProperty("start_date") String startDate,
			@JsonProperty("end_date") String endDate) {
	}

	public record Point(String latitude, String longitude) {
	}

	public record Located(String force, String neighbourhood) {
	}

}
