package org.ringfence.duties;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generates valid duty import files for the demo workforce: people posted to ward teams today,
 * each given consecutive days of 8-hour tours (07:00-15:00) on their ward from a date far in the
 * future, so that the rows overlap neither each other nor other tests' duties.
 */
final class DutyCsvFixture {

	static final String HEADER = "service_number,kind,date,start,end,ward_code,place,activity_code\n";

	/** A person posted to a ward team today. */
	record WardPerson(long id, String serviceNumber, String wardCode, String boroughCode) {
	}

	private final JdbcClient jdbc;

	DutyCsvFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** People posted to ward teams today, of one borough or of all, in a stable order. */
	List<WardPerson> wardPeople(Optional<String> borough) {
		return this.jdbc.sql("""
				select p.id, p.service_number, po.ward_code, w.borough_code
				from workforce.person p
				join workforce.posting po on po.person_id = p.id
				join geography.ward w on w.code = po.ward_code
				where po.start_date <= current_date and (po.end_date is null or po.end_date > current_date)
				  and (cast(? as text) is null or w.borough_code = ?)
				order by p.id
				""")
			.param(borough.orElse(null))
			.param(borough.orElse(null))
			.query((rs, i) -> new WardPerson(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** A valid file of {@code rows} rows spread over the people, from the first date on. */
	static String validFile(List<WardPerson> people, int rows, LocalDate first) {
		StringBuilder csv = new StringBuilder(rows * 64).append(HEADER);
		int perPerson = (rows + people.size() - 1) / people.size();
		int written = 0;
		for (WardPerson person : people) {
			for (int day = 0; day < perPerson && written < rows; day++, written++) {
				csv.append(person.serviceNumber()).append(",PLANNED,").append(first.plusDays(day)).append(",07:00,15:00,")
					.append(person.wardCode()).append(",,SN_WARD\n");
			}
		}
		return csv.toString();
	}

}
