package org.ringfence.geography.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a ward boundary file: a GeoJSON FeatureCollection of Polygon or MultiPolygon features in
 * longitude/latitude, one feature a ward, each giving the ward's GSS code, name and borough code as
 * properties. Each feature is checked on its own and either accepted or rejected with a specific
 * reason; a file that is not a FeatureCollection at all is a {@link BoundaryFileException}. Never
 * throws anything else, whatever the input.
 */
public final class GeoJsonBoundaryReader {

	/** A GSS code: a country letter and eight digits. */
	static final Pattern GSS_CODE = Pattern.compile("^[EWSN]\\d{8}$");

	/** Property names that give a ward's code, in order of preference. */
	static final List<String> CODE_KEYS = List.of("code", "ward_code", "GSS_CODE");

	/** Property names that give a ward's name, in order of preference. */
	static final List<String> NAME_KEYS = List.of("name", "ward_name", "NAME");

	/** Property names that give a ward's borough code, in order of preference. */
	static final List<String> BOROUGH_KEYS = List.of("borough", "borough_code", "LAGSSCODE");

	/** ONS-style keys, such as {@code WD18CD}, {@code WD22NM}, {@code LAD22CD}. */
	private static final Pattern ONS_CODE_KEY = Pattern.compile("^WD\\d{2}CD$", Pattern.CASE_INSENSITIVE);

	private static final Pattern ONS_NAME_KEY = Pattern.compile("^WD\\d{2}NM$", Pattern.CASE_INSENSITIVE);

	private static final Pattern ONS_BOROUGH_KEY = Pattern.compile("^LAD\\d{2}CD$", Pattern.CASE_INSENSITIVE);

	/** Repairing an invalid boundary may change its area by less than this share, or it is rejected. */
	static final double MAX_REPAIR_AREA_CHANGE = 0.01;

	private static final double EARTH_RADIUS = 6_371_008.8;

	private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private GeoJsonBoundaryReader() {
	}

	/**
	 * What a boundary file held.
	 * @param accepted the features accepted, in file order
	 * @param rejected the features rejected and why, in file order
	 */
	public record Result(List<BoundaryFeature> accepted, List<BoundaryRejection> rejected) {

		public Result {
			accepted = List.copyOf(Objects.requireNonNull(accepted, "accepted"));
			rejected = List.copyOf(Objects.requireNonNull(rejected, "rejected"));
		}

		/** How many features the file had. */
		public int features() {
			return this.accepted.size() + this.rejected.size();
		}

	}

	/** Reads a boundary file from a stream (which is read to its end, not closed). */
	public static Result read(InputStream in) {
		if (in == null) {
			throw new BoundaryFileException("No boundary file was given.");
		}
		try {
			return read(in.readAllBytes());
		}
		catch (IOException ex) {
			throw new BoundaryFileException("The boundary file could not be read: " + ex.getMessage(), ex);
		}
		catch (OutOfMemoryError ex) {
			throw new BoundaryFileException("The boundary file is too large to read.");
		}
	}

	/** Reads a boundary file's bytes (UTF-8 JSON). */
	public static Result read(byte[] content) {
		JsonNode root = parse(content);
		if (!root.isObject()) {
			throw new BoundaryFileException("The file is not a GeoJSON FeatureCollection: it is JSON but not an object.");
		}
		JsonNode type = root.get("type");
		if (type == null || !type.isString() || !"FeatureCollection".equals(type.stringValue())) {
			throw new BoundaryFileException("The file is not a GeoJSON FeatureCollection (its type is "
					+ describe(type) + ").");
		}
		JsonNode features = root.get("features");
		if (features == null || !features.isArray()) {
			throw new BoundaryFileException("The FeatureCollection has no \"features\" array.");
		}
		if (features.isEmpty()) {
			throw new BoundaryFileException("The FeatureCollection has no features.");
		}
		List<BoundaryFeature> accepted = new ArrayList<>();
		List<BoundaryRejection> rejected = new ArrayList<>();
		Map<String, Integer> seenCodes = new HashMap<>();
		for (int i = 0; i < features.size(); i++) {
			JsonNode feature = features.get(i);
			Optional<String> code = Optional.empty();
			try {
				code = text(feature.path("properties"), CODE_KEYS, ONS_CODE_KEY);
				accepted.add(readFeature(i, feature, code, seenCodes));
			}
			catch (Rejected ex) {
				rejected.add(new BoundaryRejection(i, code.orElse(""), ex.getMessage()));
			}
			catch (RuntimeException | StackOverflowError ex) {
				rejected.add(new BoundaryRejection(i, code.orElse(""), "the feature could not be read"));
			}
		}
		return new Result(accepted, rejected);
	}

	/** The feature, accepted; or {@link Rejected} with the reason it is not. */
	private static BoundaryFeature readFeature(int index, JsonNode feature, Optional<String> code,
			Map<String, Integer> seenCodes) {
		if (feature == null || !feature.isObject()) {
			throw new Rejected("not a GeoJSON Feature object");
		}
		JsonNode type = feature.get("type");
		if (type == null || !type.isString() || !"Feature".equals(type.stringValue())) {
			throw new Rejected("not a GeoJSON Feature (its type is " + describe(type) + ")");
		}
		JsonNode properties = feature.path("properties");
		if (code.isEmpty()) {
			throw new Rejected("missing ward code (a \"code\", \"ward_code\", \"GSS_CODE\" or \"WD18CD\"-style property)");
		}
		if (!GSS_CODE.matcher(code.get()).matches()) {
			throw new Rejected("ward code \"" + abbreviate(code.get()) + "\" is not a GSS code (a letter E, W, S or N and 8 digits, like E05000405)");
		}
		Integer earlier = seenCodes.putIfAbsent(code.get(), index);
		if (earlier != null) {
			throw new Rejected("duplicate ward code " + code.get() + " (also feature " + earlier + ")");
		}
		Optional<String> name = text(properties, NAME_KEYS, ONS_NAME_KEY);
		if (name.isEmpty()) {
			throw new Rejected("missing ward name (a \"name\", \"ward_name\" or \"NAME\" property)");
		}
		Optional<String> borough = text(properties, BOROUGH_KEYS, ONS_BOROUGH_KEY);
		if (borough.isEmpty()) {
			throw new Rejected("missing borough code (a \"borough\", \"borough_code\" or \"LAGSSCODE\" property)");
		}
		JsonNode geometryNode = feature.get("geometry");
		if (geometryNode == null || geometryNode.isNull() || geometryNode.isMissingNode()) {
			throw new Rejected("missing geometry");
		}
		if (!geometryNode.isObject()) {
			throw new Rejected("geometry is not a GeoJSON geometry object");
		}
		JsonNode geometryType = geometryNode.get("type");
		String typeName = geometryType != null && geometryType.isString() ? geometryType.stringValue() : "";
		if (!"Polygon".equals(typeName) && !"MultiPolygon".equals(typeName)) {
			throw new Rejected("geometry type is " + describe(geometryType) + ", not Polygon or MultiPolygon");
		}
		JsonNode coordinates = geometryNode.get("coordinates");
		if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
			throw new Rejected("geometry has no coordinates");
		}
		Geometry drawn = "Polygon".equals(typeName) ? polygon(coordinates) : multiPolygon(coordinates);
		Optional<String> invalid = validity(drawn);
		Geometry geometry = drawn;
		if (invalid.isPresent()) {
			geometry = repair(drawn).orElseThrow(() -> new Rejected("invalid geometry: " + invalid.get()
					+ " (and it cannot be repaired without changing its area by 1% or more)"));
		}
		Geometry accepted = geometry;
		double hectares = statedHectares(properties).orElseGet(() -> GeoJsonBoundaryReader.hectares(accepted));
		if (!(hectares > 0)) {
			throw new Rejected("geometry has no area");
		}
		return new BoundaryFeature(index, code.get(), name.get(), borough.get(), geometry, hectares);
	}

	private static Geometry multiPolygon(JsonNode coordinates) {
		Polygon[] polygons = new Polygon[coordinates.size()];
		for (int i = 0; i < polygons.length; i++) {
			polygons[i] = polygon(coordinates.get(i));
		}
		return GEOMETRIES.createMultiPolygon(polygons);
	}

	private static Polygon polygon(JsonNode rings) {
		if (rings == null || !rings.isArray() || rings.isEmpty()) {
			throw new Rejected("malformed coordinates: a polygon must be an array of rings");
		}
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return GEOMETRIES.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode positions) {
		if (positions == null || !positions.isArray()) {
			throw new Rejected("malformed coordinates: a ring must be an array of [longitude, latitude] positions");
		}
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < coordinates.length; i++) {
			coordinates[i] = position(positions.get(i));
		}
		if (coordinates.length < 4) {
			throw new Rejected("a ring has " + coordinates.length
					+ " points, fewer than 4 points (a ring's first point repeated as its last)");
		}
		if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
			throw new Rejected("a ring is not closed: its last point must repeat its first");
		}
		return GEOMETRIES.createLinearRing(coordinates);
	}

	private static Coordinate position(JsonNode position) {
		if (position == null || !position.isArray() || position.size() < 2) {
			throw new Rejected("malformed coordinates: a position must be an array [longitude, latitude]");
		}
		JsonNode lngNode = position.get(0);
		JsonNode latNode = position.get(1);
		if (!lngNode.isNumber() || !latNode.isNumber()) {
			throw new Rejected("malformed coordinates: position " + abbreviate(position.toString()) + " is not two numbers");
		}
		double lng = lngNode.asDouble();
		double lat = latNode.asDouble();
		if (!Double.isFinite(lng) || !Double.isFinite(lat) || lng < -180 || lng > 180 || lat < -90 || lat > 90) {
			throw new Rejected("coordinate " + abbreviate(position.toString())
					+ " is out of range (longitude -180 to 180, latitude -90 to 90)");
		}
		if (lng < -9 || lng > 3 || lat < 49 || lat > 61) {
			if (lat >= -9 && lat <= 3 && lng >= 49 && lng <= 61) {
				throw new Rejected("coordinate " + abbreviate(position.toString())
						+ " is not in Great Britain; longitude and latitude look swapped (GeoJSON puts longitude first)");
			}
			throw new Rejected("coordinate " + abbreviate(position.toString())
					+ " is not in Great Britain (longitude -9 to 3, latitude 49 to 61); is the file in WGS84 longitude/latitude?");
		}
		return new Coordinate(lng, lat);
	}

	private static Optional<String> validity(Geometry geometry) {
		TopologyValidationError error = new IsValidOp(geometry).getValidationError();
		if (error == null) {
			return Optional.empty();
		}
		Coordinate at = error.getCoordinate();
		return Optional.of(error.getMessage().toLowerCase(Locale.ROOT)
				+ (at == null ? "" : String.format(Locale.ROOT, " at (%.6f, %.6f)", at.x, at.y)));
	}

	/** The geometry made valid by buffer(0), if that keeps it a polygon and changes its area by under 1%. */
	private static Optional<Geometry> repair(Geometry geometry) {
		double before = Math.abs(geometry.getArea());
		Geometry repaired = geometry.buffer(0);
		if (repaired.isEmpty() || !(repaired instanceof Polygon || repaired instanceof MultiPolygon)
				|| !repaired.isValid() || before == 0) {
			return Optional.empty();
		}
		if (Math.abs(repaired.getArea() - before) / before >= MAX_REPAIR_AREA_CHANGE) {
			return Optional.empty();
		}
		repaired.setSRID(geometry.getSRID());
		return Optional.of(repaired);
	}

	private static Optional<Double> statedHectares(JsonNode properties) {
		JsonNode stated = properties.get("hectares");
		if (stated == null || !stated.isNumber()) {
			return Optional.empty();
		}
		double hectares = stated.asDouble();
		return hectares > 0 && Double.isFinite(hectares) ? Optional.of(hectares) : Optional.empty();
	}

	/**
	 * The area of a longitude/latitude polygon in hectares, measured on a local equirectangular
	 * projection centred on the polygon (equal-area to well within 1% for a ward-sized area).
	 */
	static double hectares(Geometry lonLat) {
		Coordinate centre = lonLat.getEnvelopeInternal().centre();
		double metresPerDegree = Math.PI * EARTH_RADIUS / 180;
		double xScale = metresPerDegree * Math.cos(Math.toRadians(centre.y));
		return lonLat.getArea() * xScale * metresPerDegree / 10_000;
	}

	/** The first non-blank text value among the keys, then among ONS-style keys. */
	private static Optional<String> text(JsonNode properties, List<String> keys, Pattern onsKey) {
		if (properties == null || !properties.isObject()) {
			return Optional.empty();
		}
		for (String key : keys) {
			Optional<String> value = value(properties.get(key));
			if (value.isPresent()) {
				return value;
			}
		}
		for (String key : properties.propertyNames()) {
			if (onsKey.matcher(key).matches()) {
				Optional<String> value = value(properties.get(key));
				if (value.isPresent()) {
					return value;
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<String> value(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode() || node.isArray() || node.isObject()) {
			return Optional.empty();
		}
		String text = node.isString() ? node.stringValue() : node.asString();
		return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
	}

	private static JsonNode parse(byte[] content) {
		if (content == null || content.length == 0) {
			throw new BoundaryFileException("The boundary file is empty.");
		}
		JsonNode root;
		try {
			root = JSON.readTree(content);
		}
		catch (RuntimeException | StackOverflowError ex) {
			throw new BoundaryFileException("The boundary file is not valid JSON" + where(ex) + ".");
		}
		if (root == null || root.isMissingNode()) {
			throw new BoundaryFileException("The boundary file is empty.");
		}
		return root;
	}

	private static String where(Throwable ex) {
		if (ex instanceof tools.jackson.core.JacksonException jackson && jackson.getLocation() != null
				&& jackson.getLocation().getLineNr() > 0) {
			return " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr()
					+ ")";
		}
		return "";
	}

	private static String describe(JsonNode type) {
		if (type == null || type.isMissingNode()) {
			return "missing";
		}
		return abbreviate(type.toString());
	}

	private static String abbreviate(String text) {
		return text.length() <= 60 ? text : text.substring(0, 57) + "...";
	}

	/**
	 * A geometry as GeoJSON geometry JSON, coordinates rounded to 6 decimal places (about 10 cm),
	 * points that round onto the one before dropped.
	 * @throws IllegalArgumentException for an empty geometry or one that is not a Polygon or MultiPolygon
	 */
	public static String toGeoJson(Geometry geometry) {
		Objects.requireNonNull(geometry, "geometry");
		if (geometry.isEmpty()) {
			throw new IllegalArgumentException("an empty geometry has no GeoJSON boundary");
		}
		StringBuilder json = new StringBuilder(geometry.getNumPoints() * 24 + 64);
		if (geometry instanceof Polygon polygon) {
			json.append("{\"type\":\"Polygon\",\"coordinates\":");
			appendPolygon(json, polygon);
		}
		else if (geometry instanceof MultiPolygon multi) {
			json.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < multi.getNumGeometries(); i++) {
				if (i > 0) {
					json.append(',');
				}
				appendPolygon(json, (Polygon) multi.getGeometryN(i));
			}
			json.append(']');
		}
		else {
			throw new IllegalArgumentException(
					"only Polygon and MultiPolygon boundaries are written, not " + geometry.getGeometryType());
		}
		return json.append('}').toString();
	}

	private static void appendPolygon(StringBuilder json, Polygon polygon) {
		json.append('[');
		appendRing(json, polygon.getExteriorRing());
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			json.append(',');
			appendRing(json, polygon.getInteriorRingN(i));
		}
		json.append(']');
	}

	private static void appendRing(StringBuilder json, LineString ring) {
		json.append('[');
		String previous = null;
		boolean first = true;
		for (Coordinate c : ring.getCoordinates()) {
			String position = "[" + round(c.x) + "," + round(c.y) + "]";
			if (position.equals(previous)) {
				continue;
			}
			if (!first) {
				json.append(',');
			}
			json.append(position);
			previous = position;
			first = false;
		}
		json.append(']');
	}

	private static String round(double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("coordinates must be finite numbers");
		}
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
		return rounded.signum() == 0 ? "0" : rounded.toPlainString();
	}

	/** A feature's reason for rejection, raised from deep inside its coordinates. */
	private static final class Rejected extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Rejected(String reason) {
			super(reason, null, false, false);
		}

	}

}
