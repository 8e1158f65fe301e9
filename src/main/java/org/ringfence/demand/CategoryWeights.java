package org.ringfence.demand;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ringfence.demand.domain.LocalFactorRules;
import org.ringfence.demand.persistence.DemandReadQueries;
import org.ringfence.demand.persistence.DemandReadQueries.CategoryRow;
import org.ringfence.demand.persistence.DemandWriteQueries;
import org.ringfence.platform.Actor;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;
import org.ringfence.platform.StateChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weight each category's records carry in profiles and rankings (1 unless an administrator
 * sets another, e.g. the average time a call of the category takes, or a harm index). Weights
 * apply when profiles are read, so a change applies to records already held.
 */
@Service
public class CategoryWeights {

	private final DemandReadQueries queries;

	private final DemandWriteQueries writes;

	private final ApplicationEventPublisher events;

	CategoryWeights(DemandReadQueries queries, DemandWriteQueries writes, ApplicationEventPublisher events) {
		this.queries = queries;
		this.writes = writes;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<CategoryWeight> weights() {
		return this.queries.categories().stream().map(CategoryWeights::view).toList();
	}

	@Transactional
	public CategoryWeight set(String category, BigDecimal weight) {
		List<String[]> problems = LocalFactorRules.weightProblems(weight);
		if (!problems.isEmpty()) {
			throw new InvalidInput("The weight is not valid.",
					problems.stream().map(p -> new InvalidInput.FieldError(p[0], p[1])).toList());
		}
		CategoryRow before = this.queries.category(category == null ? "" : category)
			.orElseThrow(() -> new NotFound("No category '" + category + "' in the demand data."));
		this.writes.lockImports();
		this.queries.setWeight(category, weight, Actor.current());
		this.writes.rebuildSummary();
		Map<String, Object> was = new LinkedHashMap<>();
		was.put("weight", before.weight());
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("weight", weight);
		this.events.publishEvent(StateChange.changed("demand category weight set", "demand category", category, null,
				was, now));
		return view(this.queries.category(category).orElseThrow());
	}

	private static CategoryWeight view(CategoryRow row) {
		return new CategoryWeight(row.name(), row.asb(), row.weight(), row.records(), row.changedBy(), row.changedAt());
	}

}
