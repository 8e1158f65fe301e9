package org.ringfence.allocation.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ringfence.allocation.SchoolPhase;
import org.ringfence.allocation.domain.SchoolCsvReader.Problem;
import org.ringfence.allocation.domain.SchoolCsvReader.Result;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolCsvReaderTest {

	static final Set<String> IMPORTABLE = Set.of("free_school_meals", "gcse_ac", "permanent_exclusions");

	static final Set<String> DERIVED = Set.of("asb_around", "crime_around");

	static Result read(String csv) {
		return SchoolCsvReader.read(csv.getBytes(StandardCharsets.UTF_8), IMPORTABLE, DERIVED);
	}

	@Test
	void readsSchoolsByWardOrLocationWithTheirCriteria() {
		Result result = read("""
				URN;Name;Phase;Ward_Code;lat;lng;has_officer;free_school_meals;gcse_ac
				100001;Synthetic Academy;secondary;E05000137;;;yes;41.5%;48
				100002;Synthetic PRU;PRU;;51.54;-0.14;;;
				""");
		assertThat(result.problems()).isEmpty();
		assertThat(result.rows()).hasSize(2);
		assertThat(result.rows().get(0).phase()).isEqualTo(SchoolPhase.SECONDARY);
		assertThat(result.rows().get(0).hasOfficer()).isTrue();
		assertThat(result.rows().get(0).values()).containsEntry("free_school_meals", 41.5).containsEntry("gcse_ac", 48.0);
		assertThat(result.rows().get(1).phase()).isEqualTo(SchoolPhase.PUPIL_REFERRAL_UNIT);
		assertThat(result.rows().get(1).location().orElseThrow()).containsExactly(51.54, -0.14);
		assertThat(result.rows().get(1).values()).isEmpty();
	}

	@Test
	void everyBadRowIsReportedWithItsLineAndColumn() {
		Result result = read("""
				urn,name,phase,ward_code,permanent_exclusions
				12,Short URN,secondary,E05000137,1
				100002,,nursery,E0500013,x
				100003,Fine,primary,E05000137,2
				100003,Twice,primary,E05000137,2
				100004,No place,primary,,1
				""");
		assertThat(result.rows()).extracting(SchoolCsvReader.Row::urn).containsExactly("100003");
		assertThat(result.problems()).extracting(Problem::line, Problem::column)
			.contains(org.assertj.core.groups.Tuple.tuple(2L, "urn"), org.assertj.core.groups.Tuple.tuple(3L, "name"),
					org.assertj.core.groups.Tuple.tuple(3L, "phase"), org.assertj.core.groups.Tuple.tuple(3L, "ward_code"),
					org.assertj.core.groups.Tuple.tuple(3L, "permanent_exclusions"),
					org.assertj.core.groups.Tuple.tuple(5L, "urn"), org.assertj.core.groups.Tuple.tuple(6L, "ward_code"));
		assertThat(result.rowsRead()).isEqualTo(5);
	}

	@Test
	void theHeaderIsCheckedBeforeAnyRow() {
		Result result = read("urn,name,phase,ward_code,asb_around,bullying\n100001,A,primary,E05000137,3,4\n");
		assertThat(result.rows()).isEmpty();
		assertThat(result.problems()).extracting(Problem::column).containsExactly("asb_around", "bullying");
		assertThat(result.problems().get(0).message()).contains("demand data");
		assertThat(read("urn,name,phase\n1,A,primary\n").problems()).extracting(Problem::message)
			.anyMatch(m -> m.contains("ward_code column, or lat and lng"));
	}

	@Test
	void filesThatAreNotUtf8OrNotCsvAreRefused() {
		byte[] latin1 = "urn,name,phase,ward_code\n100001,Caf\u00e9,primary,E05000137\n".getBytes(StandardCharsets.ISO_8859_1);
		List<Problem> problems = SchoolCsvReader.read(latin1, IMPORTABLE, DERIVED).problems();
		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(2);
			assertThat(p.message()).contains("not UTF-8");
		});
		assertThat(read("urn,name,phase,ward_code\n100001,\"Open quote,primary,E05000137\n").problems()).isNotEmpty();
		assertThat(read("").problems()).extracting(Problem::message).anyMatch(m -> m.contains("empty"));
	}

}
