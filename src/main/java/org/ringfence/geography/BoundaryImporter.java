package org.ringfence.geography;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Envelope;
import org.ringfence.geography.BoundaryImportReport.Rejected;
import org.ringfence.geography.boundary.BoundaryFeature;
import org.ringfence.geography.boundary.BoundaryFileException;
import org.ringfence.geography.boundary.GeoJsonBoundaryReader;
import org.ringfence.geography.domain.ClusterPlanner;
import org.ringfence.geography.domain.ClusterRules;
import org.ringfence.geography.domain.WardAdjacency;
import org.ringfence.geography.domain.WardShape;
import org.ringfence.geography.persistence.GeographyQueries;
import org.ringfence.geography.persistence.GeographyQueries.WardRow;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.StateChange;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Applies a boundary file: wards created, changed or retired (in the boroughs the file covers),
 * adjacency computed again, and the clusters of any borough whose clusters no longer keep the
 * rules planned again (cluster codes kept where the wards mostly stay together). Runs inside the
 * caller's transaction; rejects the whole file if any feature is rejected.
 */
@Component
class BoundaryImporter {

	private final GeographyQueries queries;

	private final WardShapes shapes;

	private final ApplicationEventPublisher events;

	BoundaryImporter(GeographyQueries queries, WardShapes shapes, ApplicationEventPublisher events) {
		this.queries = queries;
		this.shapes = shapes;
		this.events = events;
	}

	BoundaryImportReport apply(byte[] content, String name, String source, String actor, boolean dryRun) {
		GeoJsonBoundaryReader.Result read;
		try {
			read = GeoJsonBoundaryReader.read(content);
		}
		catch (BoundaryFileException ex) {
			throw new InvalidInput("The boundary file cannot be read: " + ex.getMessage(),
					List.of(new InvalidInput.FieldError("file", ex.getMessage())));
		}
		Set<String> boroughs = this.queries.boroughCodes();
		List<Rejected> rejected = new ArrayList<>();
		read.rejected().forEach(r -> rejected.add(new Rejected(r.index(), r.code(), r.reason())));
		List<BoundaryFeature> accepted = new ArrayList<>();
		for (BoundaryFeature feature : read.accepted()) {
			if (boroughs.contains(feature.boroughCode())) {
				accepted.add(feature);
			}
			else {
				rejected.add(new Rejected(feature.index(), feature.code(), "borough " + feature.boroughCode()
						+ " is not a Metropolitan Police borough" + ("E09000001".equals(feature.boroughCode())
								? " (the City of London is policed by the City of London Police)" : "")));
			}
		}
		int features = read.accepted().size() + read.rejected().size();
		if (!rejected.isEmpty()) {
			rejected.sort(java.util.Comparator.comparingInt(Rejected::feature));
			BoundaryImportReport report = new BoundaryImportReport(null, dryRun, false, features, List.of(), List.of(), 0,
					List.of(), rejected, List.of(), List.of("Nothing was imported: fix the rejected features and send the whole file again."));
			throw new InvalidInput(rejected.size() + " of " + features + " features rejected; nothing was imported.",
					rejected.stream()
						.map(r -> new InvalidInput.FieldError("feature " + r.feature()
								+ (r.code() == null || r.code().isBlank() ? "" : " (" + r.code() + ")"), r.reason()))
						.toList(),
					report);
		}

		Map<String, WardRow> existing = this.queries.allWardRows();
		long setId = this.queries.insertBoundarySet(name, source, actor);
		List<String> created = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		int unchanged = 0;
		Set<String> inFile = new TreeSet<>();
		Set<String> covered = new TreeSet<>();
		for (BoundaryFeature feature : accepted) {
			inFile.add(feature.code());
			covered.add(feature.boroughCode());
			String boundary = GeoJsonBoundaryReader.toGeoJson(feature.geometry());
			BigDecimal hectares = BigDecimal.valueOf(feature.hectares()).setScale(3, RoundingMode.HALF_UP);
			Envelope box = feature.geometry().getEnvelopeInternal();
			double[] bbox = { box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY() };
			WardRow before = existing.get(feature.code());
			boolean sameBoundary = before != null && sameGeometry(before.boundaryJson().orElse(""), boundary);
			if (sameBoundary && before.active() && before.name().equals(feature.name())
					&& before.boroughCode().equals(feature.boroughCode())) {
				unchanged++;
				continue;
			}
			if (sameBoundary) {
				// The area follows the boundary: a file that does not state it (we measure it) does
				// not overwrite the published figure for the same polygon.
				hectares = before.hectares();
			}
			this.queries.upsertWard(feature.code(), feature.name(), feature.boroughCode(), hectares, boundary, bbox, setId,
					null);
			Map<String, Object> after = wardState(feature.name(), feature.boroughCode(), hectares, bbox);
			if (before == null) {
				created.add(feature.code());
				this.events.publishEvent(StateChange.created("ward", feature.code(), feature.boroughCode(), after));
			}
			else {
				changed.add(feature.code());
				if (!before.boroughCode().equals(feature.boroughCode())) {
					this.queries.setCluster(feature.code(), null);
				}
				this.events.publishEvent(StateChange.changed("ward boundary changed", "ward", feature.code(),
						feature.boroughCode(), wardState(before.name(), before.boroughCode(), before.hectares(), null), after));
			}
		}
		List<String> retired = new ArrayList<>();
		for (WardRow row : existing.values()) {
			if (row.active() && covered.contains(row.boroughCode()) && !inFile.contains(row.code())) {
				this.queries.retireWard(row.code());
				retired.add(row.code());
				this.events.publishEvent(StateChange.changed("ward retired", "ward", row.code(), row.boroughCode(),
						Map.of("active", true), Map.of("active", false, "boundarySetId", setId)));
			}
		}
		if (!created.isEmpty()) {
			warnings.add(created.size() + " new ward(s) have no population figure yet.");
		}

		List<WardShape> wards = this.shapes.activeWards();
		Map<String, Set<String>> adjacency = WardAdjacency.compute(wards);
		WardAdjacency.Connected connected = WardAdjacency.connectWithinBoroughs(wards, adjacency);
		this.queries.replaceAdjacency(connected.adjacency(), connected.acrossWater());
		if (!connected.acrossWater().isEmpty()) {
			warnings.add(connected.acrossWater().size() + " neighbour link(s) added across water to keep boroughs connected: "
					+ connected.acrossWater().stream().map(pair -> String.join("-", new TreeSet<>(pair))).sorted().collect(Collectors.joining(", ")));
		}
		List<String> reclustered = planClusters(connected.adjacency(), warnings);

		Collections.sortAll(created, changed, retired);
		BoundaryImportReport report = new BoundaryImportReport(setId, dryRun, !dryRun, features, created, changed, unchanged,
				retired, List.of(), reclustered, warnings);
		this.events.publishEvent(StateChange.created("boundary set", Long.toString(setId), null,
				Map.of("name", name, "source", source, "features", features, "created", created.size(), "changed",
						changed.size(), "unchanged", unchanged, "retired", retired.size(), "reclustered", reclustered)));
		return report;
	}

	/** Plans again the clusters of every borough whose clusters break the rules; returns those boroughs. */
	private List<String> planClusters(Map<String, Set<String>> adjacency, List<String> warnings) {
		Map<String, List<WardRow>> byBorough = new TreeMap<>();
		this.queries.activeWardRows(Optional.empty())
			.forEach(row -> byBorough.computeIfAbsent(row.boroughCode(), b -> new ArrayList<>()).add(row));
		Map<String, String> clusterBorough = new HashMap<>();
		this.queries.clusters(Optional.empty()).forEach(c -> clusterBorough.put(c.id(), c.boroughCode()));
		List<String> reclustered = new ArrayList<>();
		byBorough.forEach((borough, rows) -> {
			Map<String, String> assignment = new TreeMap<>();
			rows.forEach(row -> assignment.put(row.code(),
					row.clusterCode() != null && row.clusterCode().startsWith(borough + "-") ? row.clusterCode() : null));
			List<String> problems = ClusterRules.problems(assignment, adjacency);
			if (problems.isEmpty()) {
				return;
			}
			Map<String, Integer> population = new HashMap<>();
			rows.forEach(row -> population.put(row.code(), row.population() == null ? 0 : row.population()));
			List<Set<String>> plan = ClusterPlanner.plan(new ArrayList<>(assignment.keySet()), adjacency, population);
			Map<String, Integer> numbers = this.queries.clusterNumbers(borough);
			List<String> codes = org.ringfence.geography.domain.ClusterCodes.assign(borough, plan, assignment, numbers);
			for (int i = 0; i < plan.size(); i++) {
				String code = codes.get(i);
				if (!numbers.containsKey(code)) {
					int number = Integer.parseInt(code.substring(code.length() - 2));
					this.queries.insertCluster(code, borough, number, "Cluster " + number);
				}
				for (String ward : plan.get(i)) {
					this.queries.setCluster(ward, code);
				}
			}
			reclustered.add(borough);
			if (!numbers.isEmpty()) {
				warnings.add("Clusters of " + borough + " planned again: " + String.join("; ", problems));
			}
			Map<String, Object> after = new LinkedHashMap<>();
			for (int i = 0; i < plan.size(); i++) {
				after.put(codes.get(i), new ArrayList<>(new TreeSet<>(plan.get(i))));
			}
			this.events.publishEvent(StateChange.changed("clusters planned", "borough clusters", borough, borough,
					Map.of("problems", problems), after));
		});
		return reclustered;
	}

	private static boolean sameGeometry(String storedJson, String newJson) {
		return storedJson.replace(" ", "").equals(newJson.replace(" ", ""));
	}

	private static Map<String, Object> wardState(String name, String borough, BigDecimal hectares, double[] bbox) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", name);
		state.put("borough", borough);
		state.put("hectares", hectares);
		if (bbox != null) {
			state.put("bbox", List.of(bbox[0], bbox[1], bbox[2], bbox[3]));
		}
		return state;
	}

	/** Sorting helper for the report's lists. */
	private static final class Collections {

		@SafeVarargs
		static void sortAll(List<String>... lists) {
			for (List<String> list : lists) {
				java.util.Collections.sort(list);
			}
		}

	}

}
