package org.ringfence.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ICalendarTest {

	static final Instant STAMP = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void writesOneEventPerDutyInUtcWithCrlfLines() {
		String ics = ICalendar.write("Duties", "My duties", List.of(new ICalendar.Event("duty-1@ringfence",
				Instant.parse("2026-07-01T06:00:00Z"), Instant.parse("2026-07-01T14:00:00Z"), "Safer Neighbourhoods duty",
				"Highgate", "")), STAMP);
		assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
		assertThat(ics).contains("DTSTART:20260701T060000Z\r\n").contains("DTEND:20260701T140000Z\r\n")
			.contains("UID:duty-1@ringfence\r\n").contains("LOCATION:Highgate\r\n");
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n");
	}

	@Test
	void escapesTextAndFoldsLongLinesAt75Octets() {
		String summary = "Rest day, cancelled; notice 3 days \\ owed a rest day in lieu - " + "é".repeat(40);
		String ics = ICalendar.write("Duties", "c", List.of(new ICalendar.Event("u", STAMP, STAMP.plusSeconds(60), summary, "", "")),
				STAMP);
		assertThat(ics).contains("Rest day\\, cancelled\\; notice 3 days \\\\ owed");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		String unfolded = ics.replace("\r\n ", "");
		assertThat(unfolded).contains("é".repeat(40));
	}

}
