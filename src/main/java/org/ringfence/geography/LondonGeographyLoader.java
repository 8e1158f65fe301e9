package org.ringfence.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.ringfence.geography.persistence.GeographyQueries;
import org.ringfence.platform.StartupData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the real London geography on first start: the Metropolitan Police Service, its 12 BCUs,
 * 32 boroughs and the 632 wards of the 2018 set with population and boundaries (the City of
 * London's 25 wards belong to another force and are left out). Runs once: later starts find it
 * loaded. Several instances starting together take turns on a database lock.
 */
@Component
public class LondonGeographyLoader implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(LondonGeographyLoader.class);

	static final String FORCE_CODE = "MPS";

	static final String CITY_OF_LONDON = "E09000001";

	/** The Met's BCU codes by BCU name. */
	private static final Map<String, String> BCU_CODES = Map.ofEntries(Map.entry("Central East", "CE"),
			Map.entry("Central North", "CN"), Map.entry("Central South", "CS"), Map.entry("Central West", "CW"),
			Map.entry("East", "EA"), Map.entry("North", "NA"), Map.entry("North East", "NE"),
			Map.entry("North West", "NW"), Map.entry("South", "SN"), Map.entry("South East", "SE"),
			Map.entry("South West", "SW"), Map.entry("West", "WA"));

	private final GeographyQueries queries;

	private final GeographyService geography;

	private final JdbcClient jdbc;

	LondonGeographyLoader(GeographyQueries queries, GeographyService geography, JdbcClient jdbc) {
		this.queries = queries;
		this.geography = geography;
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 10;
	}

	/** Loads the geography unless it is there already. */
	@Override
	@Transactional
	public void loadIfEmpty() {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('ringfence.geography'))").query(Object.class).list();
		if (this.queries.isLoaded()) {
			return;
		}
		long started = System.nanoTime();
		this.queries.insertForce(FORCE_CODE, "Metropolitan Police Service");
		for (NamedCsvRecord row : csv("data/london/bcu-2018.csv").entrySet().stream().map(Map.Entry::getValue).toList()) {
			String bcu = row.getField("bcu");
			String bcuCode = BCU_CODES.get(bcu);
			if (bcuCode == null) {
				throw new IllegalStateException("Unknown BCU '" + bcu + "' in bcu-2018.csv");
			}
			this.queries.insertBcu(bcuCode, bcu, FORCE_CODE);
			this.queries.insertBorough(row.getField("borough_code"), row.getField("borough_name"), bcuCode);
		}
		byte[] boundaries = withoutCityOfLondon(bytes("data/london/wards-2018.geojson"));
		BoundaryImportReport report = this.geography.importBoundaries(boundaries, "London wards 2018",
				"ONS/GLA statistical GIS boundary files for London, 2018 wards (OGL v3)", false);
		Map<String, NamedCsvRecord> population = csv("data/london/wards-2018-population.csv");
		population.forEach((code, row) -> {
			if (!code.startsWith("E05") || CITY_OF_LONDON.equals(row.getField("borough_code"))) {
				return;
			}
			this.queries.setPopulation(code, Integer.parseInt(row.getField("pop_mid2020")));
		});
		log.info("Loaded London geography: {} wards created, {} boroughs clustered, in {} ms", report.created().size(),
				report.reclustered().size(), (System.nanoTime() - started) / 1_000_000);
	}

	/** The shipped 2018 file includes the City's wards; the Met's geography does not. */
	private static byte[] withoutCityOfLondon(byte[] geoJson) {
		String text = new String(geoJson, StandardCharsets.UTF_8);
		tools.jackson.databind.json.JsonMapper mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode) mapper.readTree(text);
		tools.jackson.databind.node.ArrayNode kept = mapper.createArrayNode();
		for (tools.jackson.databind.JsonNode feature : root.get("features")) {
			if (!CITY_OF_LONDON.equals(feature.path("properties").path("borough_code").asString())) {
				kept.add(feature);
			}
		}
		root.set("features", kept);
		return mapper.writeValueAsBytes(root);
	}

	/** Rows of a shipped CSV file by their first column. */
	private static Map<String, NamedCsvRecord> csv(String path) {
		Map<String, NamedCsvRecord> rows = new LinkedHashMap<>();
		try (InputStream in = new ClassPathResource(path).getInputStream();
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
				CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(reader)) {
			for (NamedCsvRecord row : csv) {
				rows.put(row.getField(0), row);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read shipped data file " + path, ex);
		}
		return rows;
	}

	private static byte[] bytes(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read shipped data file " + path, ex);
		}
	}

}
