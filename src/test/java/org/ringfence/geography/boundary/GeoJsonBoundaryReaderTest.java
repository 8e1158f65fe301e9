package org.ringfence.geography.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeoJsonBoundaryReaderTest {

	/** A valid 500 m x 500 m square in central London. */
	private static final String SQUARE = "[[[-0.1,51.5],[-0.0928,51.5],[-0.0928,51.5045],[-0.1,51.5045],[-0.1,51.5]]]";

	@Test
	void acceptsTheShippedLondonWards() throws IOException {
		GeoJsonBoundaryReader.Result result;
		try (InputStream in = getClass().getResourceAsStream("/data/london/wards-2018.geojson")) {
			result = GeoJsonBoundaryReader.read(in);
		}
		assertThat(result.rejected()).isEmpty();
		assertThat(result.accepted()).hasSize(657);
		assertThat(result.features()).isEqualTo(657);
		BoundaryFeature first = result.accepted().get(0);
		assertThat(first.index()).isZero();
		assertThat(first.code()).isEqualTo("E05000405");
		assertThat(first.name()).isEqualTo("Chessington South");
		assertThat(first.boroughCode()).isEqualTo("E09000021");
		assertThat(first.hectares()).isEqualTo(755.173);
		assertThat(result.accepted()).allSatisfy(f -> assertThat(f.geometry().isValid()).isTrue());
	}

	@Test
	void measuredAreasAgreeWithTheStatedHectares() throws IOException {
		GeoJsonBoundaryReader.Result result;
		try (InputStream in = getClass().getResourceAsStream("/data/london/wards-2018.geojson")) {
			result = GeoJsonBoundaryReader.read(in);
		}
		for (BoundaryFeature ward : result.accepted()) {
			double measured = GeoJsonBoundaryReader.hectares(ward.geometry());
			assertThat(measured).as("%s %s", ward.code(), ward.name()).isCloseTo(ward.hectares(), within(ward.hectares() * 0.02));
		}
	}

	@Test
	void measuresHectaresWhenNotStated() {
		GeoJsonBoundaryReader.Result result = read(feature("E05000001", "Somewhere", "E09000007", polygon(SQUARE)));
		// 0.0072 degrees of longitude at 51.5 N is about 498.6 m; 0.0045 of latitude about 500.4 m
		assertThat(result.accepted()).singleElement()
			.satisfies(f -> assertThat(f.hectares()).isCloseTo(24.95, within(0.25)));
	}

	@Test
	void ignoresAHectaresPropertyThatIsNotANumber() {
		String feature = "{\"type\":\"Feature\",\"properties\":{\"code\":\"E05000001\",\"name\":\"X\",\"borough\":\"E09000007\","
				+ "\"hectares\":\"lots\"},\"geometry\":" + polygon(SQUARE) + "}";
		assertThat(read(feature).accepted()).singleElement()
			.satisfies(f -> assertThat(f.hectares()).isCloseTo(24.95, within(0.25)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			code      | name      | borough
			ward_code | ward_name | borough_code
			GSS_CODE  | NAME      | LAGSSCODE
			WD18CD    | WD18NM    | LAD18CD
			WD22CD    | WD22NM    | LAD22CD
			""")
	void acceptsPropertiesUnderTheirUsualNames(String codeKey, String nameKey, String boroughKey) {
		String feature = "{\"type\":\"Feature\",\"properties\":{\"" + codeKey + "\":\"E05000001\",\"" + nameKey
				+ "\":\"Abbey\",\"" + boroughKey + "\":\"E09000002\"},\"geometry\":" + polygon(SQUARE) + "}";
		GeoJsonBoundaryReader.Result result = read(feature);
		assertThat(result.rejected()).isEmpty();
		assertThat(result.accepted()).singleElement().satisfies(f -> {
			assertThat(f.code()).isEqualTo("E05000001");
			assertThat(f.name()).isEqualTo("Abbey");
			assertThat(f.boroughCode()).isEqualTo("E09000002");
		});
	}

	@Test
	void acceptsAMultiPolygon() {
		String multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE
				+ ",[[[-0.09,51.5],[-0.085,51.5],[-0.085,51.503],[-0.09,51.503],[-0.09,51.5]]]]}";
		assertThat(read(feature("E05000001", "Two parts", "E09000007", multi)).accepted()).singleElement()
			.satisfies(f -> assertThat(f.geometry()).isInstanceOf(MultiPolygon.class));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			missing code              | '{"name":"A","borough":"E09000007"}'                    | missing ward code
			blank code                | '{"code":"  ","name":"A","borough":"E09000007"}'         | missing ward code
			null code                 | '{"code":null,"name":"A","borough":"E09000007"}'         | missing ward code
			code not GSS              | '{"code":"X123","name":"A","borough":"E09000007"}'       | is not a GSS code
			code too short            | '{"code":"E0500001","name":"A","borough":"E09000007"}'   | is not a GSS code
			code as a number          | '{"code":5000001,"name":"A","borough":"E09000007"}'      | is not a GSS code
			missing name              | '{"code":"E05000001","borough":"E09000007"}'             | missing ward name
			blank name                | '{"code":"E05000001","name":"","borough":"E09000007"}'   | missing ward name
			missing borough           | '{"code":"E05000001","name":"A"}'                        | missing borough code
			no properties             | 'null'                                                    | missing ward code
			""")
	void rejectsBadProperties(String label, String properties, String reason) {
		String feature = "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + polygon(SQUARE) + "}";
		GeoJsonBoundaryReader.Result result = read(feature);
		assertThat(result.accepted()).isEmpty();
		assertThat(result.rejected()).singleElement().satisfies(r -> {
			assertThat(r.index()).isZero();
			assertThat(r.reason()).contains(reason);
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			no geometry           | 'null'                                                                               | missing geometry
			point                 | '{"type":"Point","coordinates":[-0.1,51.5]}'                                         | geometry type is "Point", not Polygon or MultiPolygon
			line                  | '{"type":"LineString","coordinates":[[-0.1,51.5],[-0.09,51.5]]}'                     | not Polygon or MultiPolygon
			no coordinates        | '{"type":"Polygon"}'                                                                 | geometry has no coordinates
			empty coordinates     | '{"type":"Polygon","coordinates":[]}'                                                | geometry has no coordinates
			three points          | '{"type":"Polygon","coordinates":[[[-0.1,51.5],[-0.09,51.5],[-0.1,51.5]]]}'          | fewer than 4 points
			not closed            | '{"type":"Polygon","coordinates":[[[-0.1,51.5],[-0.09,51.5],[-0.09,51.51],[-0.1,51.51]]]}' | not closed
			string coordinate     | '{"type":"Polygon","coordinates":[[["-0.1","51.5"],[-0.09,51.5],[-0.09,51.51],["-0.1","51.5"]]]}' | is not two numbers
			latitude over 90      | '{"type":"Polygon","coordinates":[[[-0.1,91],[-0.09,51.5],[-0.09,51.51],[-0.1,91]]]}' | out of range
			longitude over 180    | '{"type":"Polygon","coordinates":[[[181,51.5],[-0.09,51.5],[-0.09,51.51],[181,51.5]]]}' | out of range
			huge number           | '{"type":"Polygon","coordinates":[[[1e308,51.5],[-0.09,51.5],[-0.09,51.51],[1e308,51.5]]]}' | out of range
			in France             | '{"type":"Polygon","coordinates":[[[2.35,48.85],[2.36,48.85],[2.36,48.86],[2.35,48.85]]]}' | not in Great Britain
			swapped               | '{"type":"Polygon","coordinates":[[[51.5,-0.1],[51.5,-0.09],[51.51,-0.09],[51.5,-0.1]]]}' | look swapped
			british grid metres   | '{"type":"Polygon","coordinates":[[[530000,180000],[531000,180000],[531000,181000],[530000,180000]]]}' | out of range
			bow tie               | '{"type":"Polygon","coordinates":[[[-0.1,51.5],[-0.09,51.51],[-0.09,51.5],[-0.1,51.51],[-0.1,51.5]]]}' | invalid geometry: self-intersection
			nested too shallow    | '{"type":"Polygon","coordinates":[[-0.1,51.5],[-0.09,51.5],[-0.09,51.51],[-0.1,51.5]]}' | malformed coordinates
			""")
	void rejectsBadGeometry(String label, String geometry, String reason) {
		GeoJsonBoundaryReader.Result result = read(feature("E05000001", "A", "E09000007", geometry));
		assertThat(result.accepted()).isEmpty();
		assertThat(result.rejected()).singleElement().satisfies(r -> {
			assertThat(r.code()).isEqualTo("E05000001");
			assertThat(r.reason()).contains(reason);
		});
	}

	@Test
	void repairsASmallSelfIntersection() {
		// a square whose last edge dips just below the first edge, making a tiny twisted triangle
		String geometry = "{\"type\":\"Polygon\",\"coordinates\":[[[-0.1,51.5],[-0.0928,51.5],[-0.0928,51.5045],"
				+ "[-0.1,51.5045],[-0.0999,51.49999],[-0.1,51.5]]]}";
		GeoJsonBoundaryReader.Result result = read(feature("E05000001", "A", "E09000007", geometry));
		assertThat(result.rejected()).isEmpty();
		assertThat(result.accepted()).singleElement().satisfies(f -> assertThat(f.geometry().isValid()).isTrue());
	}

	@Test
	void rejectsADuplicateCodeNamingTheEarlierFeature() {
		GeoJsonBoundaryReader.Result result = read(feature("E05000001", "A", "E09000007", polygon(SQUARE)),
				feature("E05000002", "B", "E09000007", polygon(SQUARE)), feature("E05000001", "C", "E09000007", polygon(SQUARE)));
		assertThat(result.accepted()).extracting(BoundaryFeature::index).containsExactly(0, 1);
		assertThat(result.rejected()).singleElement().satisfies(r -> {
			assertThat(r.index()).isEqualTo(2);
			assertThat(r.code()).isEqualTo("E05000001");
			assertThat(r.reason()).isEqualTo("duplicate ward code E05000001 (also feature 0)");
		});
	}

	@Test
	void rejectsSomethingThatIsNotAFeature() {
		GeoJsonBoundaryReader.Result result = read("42", "{\"type\":\"Polygon\"}",
				feature("E05000001", "A", "E09000007", polygon(SQUARE)));
		assertThat(result.accepted()).extracting(BoundaryFeature::index).containsExactly(2);
		assertThat(result.rejected()).extracting(BoundaryRejection::reason)
			.containsExactly("not a GeoJSON Feature object", "not a GeoJSON Feature (its type is \"Polygon\")");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
			garbage                | 'PK\u0003\u0004 not json at all'                        | not valid JSON
			truncated              | '{"type":"FeatureCollection","features":['                | not valid JSON
			trailing garbage       | '{"type":"FeatureCollection","features":[]} xyz'          | not valid JSON
			array                  | '[1,2,3]'                                                 | not a GeoJSON FeatureCollection
			string                 | '"FeatureCollection"'                                     | not a GeoJSON FeatureCollection
			a single feature       | '{"type":"Feature","properties":{},"geometry":null}'      | its type is "Feature"
			no type                | '{"features":[]}'                                         | its type is missing
			no features            | '{"type":"FeatureCollection"}'                            | no "features" array
			features not an array  | '{"type":"FeatureCollection","features":{}}'              | no "features" array
			empty collection       | '{"type":"FeatureCollection","features":[]}'              | has no features
			whitespace             | '   '                                                     | empty
			""")
	void refusesAFileThatIsNotAFeatureCollection(String label, String content, String message) {
		assertThatThrownBy(() -> GeoJsonBoundaryReader.read(content.getBytes(StandardCharsets.UTF_8)))
			.isExactlyInstanceOf(BoundaryFileException.class)
			.hasMessageContaining(message);
	}

	@Test
	void refusesEmptyAndBinaryInput() {
		assertThatThrownBy(() -> GeoJsonBoundaryReader.read(new byte[0])).isInstanceOf(BoundaryFileException.class)
			.hasMessageContaining("empty");
		byte[] garbage = new byte[4096];
		new Random(3).nextBytes(garbage);
		assertThatThrownBy(() -> GeoJsonBoundaryReader.read(garbage)).isInstanceOf(BoundaryFileException.class);
		assertThatThrownBy(() -> GeoJsonBoundaryReader.read((InputStream) null)).isInstanceOf(BoundaryFileException.class);
	}

	@Test
	void refusesDeeplyNestedArraysAndHugeNumbersAsAFileError() {
		String deep = "{\"type\":\"FeatureCollection\",\"features\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
		assertThatThrownBy(() -> GeoJsonBoundaryReader.read(deep.getBytes(StandardCharsets.UTF_8)))
			.isExactlyInstanceOf(BoundaryFileException.class);
		String huge = "{\"type\":\"FeatureCollection\",\"features\":[" + feature("E05000001", "A", "E09000007",
				"{\"type\":\"Polygon\",\"coordinates\":[[[" + "9".repeat(5000) + ",51.5]]]}") + "]}";
		assertThatThrownBy(() -> GeoJsonBoundaryReader.read(huge.getBytes(StandardCharsets.UTF_8)))
			.isExactlyInstanceOf(BoundaryFileException.class);
	}

	@Test
	void deeplyNestedCoordinatesWithinLimitsAreARejectedFeature() {
		String nested = "{\"type\":\"Polygon\",\"coordinates\":" + "[".repeat(200) + "]".repeat(200) + "}";
		GeoJsonBoundaryReader.Result result = read(feature("E05000001", "A", "E09000007", nested));
		assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("malformed"));
	}

	@Test
	void neverThrowsAnythingButBoundaryFileExceptionOnMangledInput() {
		byte[] valid = ("{\"type\":\"FeatureCollection\",\"features\":[" + feature("E05000001", "A", "E09000007",
				polygon(SQUARE)) + "," + feature("E05000002", "B", "E09000007", polygon(SQUARE)) + "]}")
			.getBytes(StandardCharsets.UTF_8);
		byte[] alphabet = "{}[],:\"-.0123456789eE nulltrueFeaturePolygon".getBytes(StandardCharsets.UTF_8);
		Random random = new Random(42);
		int accepted = 0;
		for (int round = 0; round < 3000; round++) {
			byte[] mangled = valid.clone();
			int edits = 1 + random.nextInt(4);
			for (int e = 0; e < edits; e++) {
				mangled[random.nextInt(mangled.length)] = alphabet[random.nextInt(alphabet.length)];
			}
			try {
				GeoJsonBoundaryReader.Result result = GeoJsonBoundaryReader.read(mangled);
				assertThat(result.features()).isEqualTo(result.accepted().size() + result.rejected().size());
				accepted += result.accepted().size();
			}
			catch (BoundaryFileException expected) {
				assertThat(expected.getMessage()).isNotBlank();
			}
		}
		assertThat(accepted).isPositive();
	}

	@Test
	void writesGeometryAsGeoJsonRoundedToSixDecimals() {
		Geometry polygon = read(feature("E05000001", "A", "E09000007",
				"{\"type\":\"Polygon\",\"coordinates\":[[[-0.10000004,51.5],[-0.0928,51.5000001],[-0.0928,51.5045],"
						+ "[-0.1,51.5045],[-0.10000004,51.5]]]}"))
			.accepted()
			.get(0)
			.geometry();
		String json = GeoJsonBoundaryReader.toGeoJson(polygon);
		assertThat(json).isEqualTo("{\"type\":\"Polygon\",\"coordinates\":[[[-0.1,51.5],[-0.0928,51.5],"
				+ "[-0.0928,51.5045],[-0.1,51.5045],[-0.1,51.5]]]}");
		JsonNode parsed = JsonMapper.builder().build().readTree(json);
		assertThat(parsed.get("type").asString()).isEqualTo("Polygon");
	}

	@Test
	void writtenGeoJsonReadsBackAsTheSameBoundary() throws IOException {
		GeoJsonBoundaryReader.Result london;
		try (InputStream in = getClass().getResourceAsStream("/data/london/wards-2018.geojson")) {
			london = GeoJsonBoundaryReader.read(in);
		}
		for (BoundaryFeature ward : london.accepted().subList(0, 50)) {
			String json = GeoJsonBoundaryReader.toGeoJson(ward.geometry());
			Geometry back = read(feature(ward.code(), ward.name(), ward.boroughCode(), json)).accepted().get(0).geometry();
			assertThat(back.equalsExact(ward.geometry(), 1e-9)).as(ward.code()).isTrue();
			assertThat(json).doesNotContain("E-", "E+", "e-");
		}
	}

	@Test
	void writesAMultiPolygon() {
		String multi = "{\"type\":\"MultiPolygon\",\"coordinates\":[" + SQUARE
				+ ",[[[-0.09,51.5],[-0.085,51.5],[-0.085,51.503],[-0.09,51.503],[-0.09,51.5]]]]}";
		Geometry geometry = read(feature("E05000001", "A", "E09000007", multi)).accepted().get(0).geometry();
		assertThat(GeoJsonBoundaryReader.toGeoJson(geometry)).startsWith("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[");
	}

	private static GeoJsonBoundaryReader.Result read(String... features) {
		String collection = "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
		return GeoJsonBoundaryReader.read(collection.getBytes(StandardCharsets.UTF_8));
	}

	private static String feature(String code, String name, String borough, String geometry) {
		return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"borough\":\""
				+ borough + "\"},\"geometry\":" + geometry + "}";
	}

	private static String polygon(String coordinates) {
		return "{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}";
	}

}
