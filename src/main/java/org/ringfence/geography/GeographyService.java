package org.ringfence.geography;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ringfence.geography.persistence.GeographyQueries;
import org.ringfence.geography.persistence.GeographyQueries.WardRow;
import org.ringfence.identity.Place;
import org.ringfence.platform.Actor;
import org.ringfence.platform.InvalidInput;
import org.ringfence.platform.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The geography module's public API: boroughs, clusters, wards, where a point is, where a ward sits
 * (for access checks), and boundary imports.
 */
@Service
public class GeographyService {

	private static final Pattern BOROUGH_CODE = Pattern.compile("^E09[0-9]{6}$");

	private static final Pattern WARD_CODE = Pattern.compile("^[EWSN][0-9]{8}$");

	private final GeographyQueries queries;

	private final WardShapes shapes;

	private final WardLocatorCache locator;

	private final BoundaryImporter importer;

	GeographyService(GeographyQueries queries, WardShapes shapes, WardLocatorCache locator, BoundaryImporter importer) {
		this.queries = queries;
		this.shapes = shapes;
		this.locator = locator;
		this.importer = importer;
	}

	@Transactional(readOnly = true)
	public List<BoroughSummary> boroughs() {
		return this.queries.boroughs();
	}

	@Transactional(readOnly = true)
	public BoroughSummary borough(String code) {
		checkBoroughCode(code);
		return this.queries.borough(code).orElseThrow(() -> new NotFound("No Metropolitan Police borough " + code + "."));
	}

	/** Active wards, all or of one borough. */
	@Transactional(readOnly = true)
	public List<WardSummary> wards(Optional<String> boroughCode) {
		boroughCode.ifPresent(this::borough);
		return this.queries.wards(boroughCode);
	}

	@Transactional(readOnly = true)
	public WardDetail ward(String code) {
		WardRow row = wardRow(code);
		BoroughSummary borough = this.queries.borough(row.boroughCode()).orElseThrow();
		Optional<ClusterSummary> cluster = Optional.ofNullable(row.clusterCode()).flatMap(this.queries::cluster);
		return new WardDetail(row.code(), row.name(), row.boroughCode(), borough.name(), row.clusterCode(),
				cluster.map(ClusterSummary::name).orElse(null), row.population(), row.hectares(),
				this.queries.neighbours(code), row.boundarySetId(), row.active());
	}

	/** Ward names by code, for modules that list people or records by ward. */
	@Transactional(readOnly = true)
	public java.util.Map<String, String> wardNames() {
		return this.queries.wardNames();
	}

	/** The neighbours (ward codes) of every active ward. */
	@Transactional(readOnly = true)
	public java.util.Map<String, List<String>> adjacency() {
		return this.queries.adjacency();
	}

	@Transactional(readOnly = true)
	public List<ClusterSummary> clusters(Optional<String> boroughCode) {
		boroughCode.ifPresent(this::borough);
		return this.queries.clusters(boroughCode);
	}

	@Transactional(readOnly = true)
	public ClusterSummary cluster(String code) {
		return this.queries.cluster(code).orElseThrow(() -> new NotFound("No cluster " + code + "."));
	}

	/** Where a ward sits, for access checks. */
	@Transactional(readOnly = true)
	public Place placeOfWard(String wardCode) {
		WardRow row = wardRow(wardCode);
		return Place.ward(row.boroughCode(), row.clusterCode(), row.code());
	}

	@Transactional(readOnly = true)
	public Place placeOfCluster(String clusterCode) {
		ClusterSummary cluster = cluster(clusterCode);
		return Place.cluster(cluster.boroughCode(), cluster.id());
	}

	/** GeoJSON FeatureCollection of a borough's active wards with their cluster, for maps. */
	@Transactional(readOnly = true)
	public String boroughMap(String boroughCode) {
		borough(boroughCode);
		return this.shapes.geoJson(Optional.of(boroughCode), Optional.empty());
	}

	/** GeoJSON FeatureCollection of one ward. */
	@Transactional(readOnly = true)
	public String wardMap(String wardCode) {
		wardRow(wardCode);
		return this.shapes.geoJson(Optional.empty(), Optional.of(wardCode));
	}

	/** The Metropolitan Police ward containing a point; empty outside the force's area. */
	@Transactional(readOnly = true)
	public Optional<LocatedWard> locate(double lat, double lng) {
		if (!Double.isFinite(lat) || !Double.isFinite(lng) || lat < -90 || lat > 90 || lng < -180 || lng > 180) {
			throw new InvalidInput("lat must be -90..90 and lng -180..180.",
					List.of(new InvalidInput.FieldError("lat/lng", "out of range")));
		}
		return this.locator.locate(lat, lng);
	}

	/**
	 * A snapshot of the point lookup of {@link #locate} for many points at once (bulk imports): it
	 * reads the boundaries held now and touches the database no more, so it is safe to use while a
	 * COPY holds the caller's connection. A boundary import after it is taken is not seen.
	 */
	@Transactional(readOnly = true)
	public PointLookup pointLookup() {
		return this.locator.snapshotLookup();
	}

	/**
	 * Imports a ward boundary set (GeoJSON FeatureCollection). All or nothing: any rejected feature
	 * rejects the file. A dry run reports what would change and stores nothing.
	 */
	@Transactional
	public BoundaryImportReport importBoundaries(byte[] geoJson, String name, String source, boolean dryRun) {
		BoundaryImportReport report = this.importer.apply(geoJson, name, source, Actor.current(), dryRun);
		if (dryRun) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
		}
		else if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					GeographyService.this.locator.invalidate();
				}
			});
		}
		return report;
	}

	private WardRow wardRow(String code) {
		if (code == null || !WARD_CODE.matcher(code).matches()) {
			throw new InvalidInput("A ward code looks like E05000137.", List.of(new InvalidInput.FieldError("code",
					"not a ward code")));
		}
		return this.queries.ward(code).orElseThrow(() -> new NotFound("No Metropolitan Police ward " + code + "."));
	}

	private static void checkBoroughCode(String code) {
		if (code == null || !BOROUGH_CODE.matcher(code).matches()) {
			throw new InvalidInput("A borough code looks like E09000007.",
					List.of(new InvalidInput.FieldError("borough", "not a borough code")));
		}
	}

}
