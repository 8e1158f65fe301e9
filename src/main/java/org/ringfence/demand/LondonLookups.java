package org.ringfence.demand;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import org.ringfence.demand.domain.WardPlacement;
import org.ringfence.demand.domain.WardPlacement.LsoaWard;
import org.ringfence.geography.GeographyService;
import org.ringfence.geography.WardSummary;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The ONS best-fit lookups from LSOAs (2011 and 2021 codes) to the 2018 wards, shipped in
 * src/main/resources/data/london (read once), and what places records in wards for an import.
 */
@Component
class LondonLookups {

	static final String LSOA11 = "data/london/lsoa11-to-ward2018.csv";

	static final String LSOA21 = "data/london/lsoa21-to-ward2018.csv";

	private final GeographyService geography;

	private volatile Map<String, LsoaWard> lsoa11;

	private volatile Map<String, LsoaWard> lsoa21;

	LondonLookups(GeographyService geography) {
		this.geography = geography;
	}

	/**
	 * Places records in the Met's active wards, by LSOA or by coordinates, with the boundaries held
	 * now (no database access per record).
	 */
	WardPlacement placement() {
		Set<String> metWards = this.geography.wards(Optional.empty())
			.stream()
			.map(WardSummary::code)
			.collect(Collectors.toSet());
		return new WardPlacement(lsoa11(), lsoa21(), metWards, this.geography.pointLookup()::wardAt);
	}

	Map<String, LsoaWard> lsoa11() {
		if (this.lsoa11 == null) {
			this.lsoa11 = read(LSOA11, "LSOA11CD");
		}
		return this.lsoa11;
	}

	Map<String, LsoaWard> lsoa21() {
		if (this.lsoa21 == null) {
			this.lsoa21 = read(LSOA21, "LSOA21CD");
		}
		return this.lsoa21;
	}

	static Map<String, LsoaWard> read(String resource, String lsoaColumn) {
		Map<String, LsoaWard> lookup = new HashMap<>();
		try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
				StandardCharsets.UTF_8)) {
			for (NamedCsvRecord row : CsvReader.builder().ofNamedCsvRecord(reader)) {
				lookup.put(row.getField(lsoaColumn), new LsoaWard(row.getField("WD18CD"), row.getField("LAD18CD")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
		return Map.copyOf(lookup);
	}

}
