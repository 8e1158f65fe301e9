package org.ringfence.shifts;

import java.util.List;
import java.util.Map;

import org.ringfence.geography.ClusterSummary;
import org.ringfence.geography.GeographyService;
import org.ringfence.platform.Actor;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;
import org.ringfence.shifts.persistence.PatternQueries;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored shift patterns of clusters: the shift designer saves the option a cluster chooses,
 * rosters read it back by id. Saving is audited.
 */
@Service
public class ShiftPatterns {

	private final PatternQueries queries;

	private final GeographyService geography;

	private final ApplicationEventPublisher events;

	public ShiftPatterns(PatternQueries queries, GeographyService geography, ApplicationEventPublisher events) {
		this.queries = queries;
		this.geography = geography;
		this.events = events;
	}

	@Transactional
	public ShiftPattern save(NewShiftPattern pattern) {
		ClusterSummary cluster = this.geography.cluster(pattern.clusterId());
		if (pattern.name() == null || pattern.name().isBlank()) {
			throw new InvalidInput("a shift pattern needs a name",
					List.of(new InvalidInput.FieldError("name", "Enter a name for the pattern")));
		}
		if (pattern.shifts().isEmpty()) {
			throw new InvalidInput("a shift pattern needs at least one shift",
					List.of(new InvalidInput.FieldError("shifts", "Add at least one shift")));
		}
		long id = this.queries.insert(pattern, Actor.current());
		ShiftPattern saved = find(id);
		this.events.publishEvent(StateChange.created("shift pattern", Long.toString(id), cluster.boroughCode(),
				Map.of("cluster", cluster.id(), "name", saved.name(), "shifts",
						saved.shifts().stream().map(PatternShift::toString).toList())));
		return saved;
	}

	public ShiftPattern find(long id) {
		return this.queries.find(id).orElseThrow(() -> new NotFound("No shift pattern " + id + "."));
	}

	public List<ShiftPattern> forCluster(String clusterId) {
		return this.queries.forCluster(clusterId);
	}

}
