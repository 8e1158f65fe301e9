package org.ringfence.geography;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.ringfence.geography.boundary.GeoJsonBoundaryReader;
import org.ringfence.geography.domain.WardShape;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stored ward boundaries as geometries, and as GeoJSON for maps. The database assembles the
 * GeoJSON; the same reader that checks uploaded boundary files turns it into geometries.
 */
@Component
class WardShapes {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WardShapes.class);

	private static final String FEATURES = """
			select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
			    'type', 'Feature',
			    'properties', json_build_object('code', w.code, 'name', w.name, 'borough', w.borough_code,
			        'clusterId', w.cluster_code, 'clusterName', c.name, 'population', w.population, 'hectares', w.hectares),
			    'geometry', w.boundary) order by w.code), '[]'::json))::text
			from geography.ward w left join geography.cluster c on c.code = w.cluster_code
			where w.active and (cast(:borough as text) is null or w.borough_code = :borough)
			  and (cast(:ward as text) is null or w.code = :ward)""";

	private final JdbcClient jdbc;

	WardShapes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every active ward's boundary. A stored boundary the reader would now reject (it was checked on
	 * import) is logged, never dropped silently.
	 */
	List<WardShape> activeWards() {
		int active = this.jdbc.sql("select count(*) from geography.ward where active").query(Integer.class).single();
		if (active == 0) {
			return List.of();
		}
		byte[] json = geoJson(Optional.empty(), Optional.empty()).getBytes(StandardCharsets.UTF_8);
		GeoJsonBoundaryReader.Result result = GeoJsonBoundaryReader.read(json);
		result.rejected()
			.forEach(r -> log.error("Stored boundary of ward {} cannot be used: {}", r.code(), r.reason()));
		return result.accepted()
			.stream()
			.map(f -> new WardShape(f.code(), f.name(), f.boroughCode(), f.geometry()))
			.toList();
	}

	/** A GeoJSON FeatureCollection of active wards, optionally of one borough or one ward. */
	String geoJson(Optional<String> boroughCode, Optional<String> wardCode) {
		return this.jdbc.sql(FEATURES)
			.param("borough", boroughCode.orElse(null))
			.param("ward", wardCode.orElse(null))
			.query(String.class)
			.single();
	}

}
