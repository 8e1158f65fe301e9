package org.ringfence.duties;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.ringfence.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the database itself guarantees about duties, whatever writes them (decision 9): no two
 * planned or two actual duties of one person at once, while a planned and an actual duty may
 * overlap; the ward and activity code must exist (checked per statement); wards and activity codes
 * cannot be deleted or re-coded. Each case runs in a transaction that is rolled back, the refused statement last.
 */
@IntegrationTest
class DutyTableConstraintsIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	static final String INSERT = """
			insert into duties.duty (person_id, kind, duty_date, starts_at, ends_at, ward_code, activity_code, source, changed_by)
			values (?, ?, ?, ?, ?, ?, ?, 'test', 'test')""";

	@Test
	void onePersonCannotHaveTwoDutiesOfOneKindAtOnceButPlannedAndActualMayOverlap() {
		inRolledBackTransaction(() -> {
			long person = anyPerson();
			String ward = anyWard();
			insert(person, "PLANNED", "2036-03-02T07:00:00Z", "2036-03-02T15:00:00Z", ward, "SN_WARD");
			insert(person, "ACTUAL", "2036-03-02T08:00:00Z", "2036-03-02T16:00:00Z", ward, "SN_WARD");
			assertThatThrownBy(() -> insert(person, "PLANNED", "2036-03-02T14:00:00Z", "2036-03-02T22:00:00Z", ward, "SN_WARD"))
				.isInstanceOf(DataAccessException.class)
				.hasMessageContaining("duty_planned_no_overlap");
		});
		inRolledBackTransaction(() -> {
			long person = anyPerson();
			insert(person, "ACTUAL", "2036-03-02T08:00:00Z", "2036-03-02T16:00:00Z", anyWard(), "SN_WARD");
			// back to back is not an overlap
			insert(person, "ACTUAL", "2036-03-02T16:00:00Z", "2036-03-02T17:00:00Z", null, "SN_WARD");
			assertThatThrownBy(() -> insert(person, "ACTUAL", "2036-03-02T15:59:00Z", "2036-03-02T17:30:00Z", null, "SN_WARD"))
				.isInstanceOf(DataAccessException.class)
				.hasMessageContaining("duty_actual_no_overlap");
		});
	}

	@Test
	void anUnknownWardOrActivityCodeIsRefusedByTheDatabase() {
		inRolledBackTransaction(() -> assertThatThrownBy(
				() -> insert(anyPerson(), "PLANNED", "2036-04-01T07:00:00Z", "2036-04-01T15:00:00Z", "E05999999", "SN_WARD"))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("there is no ward E05999999"));
		inRolledBackTransaction(() -> assertThatThrownBy(
				() -> insert(anyPerson(), "PLANNED", "2036-04-01T07:00:00Z", "2036-04-01T15:00:00Z", anyWard(), "NO_SUCH_CODE"))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("there is no activity code NO_SUCH_CODE"));
		inRolledBackTransaction(() -> {
			long id = insert(anyPerson(), "PLANNED", "2036-04-01T07:00:00Z", "2036-04-01T15:00:00Z", anyWard(), "SN_WARD");
			assertThatThrownBy(() -> this.jdbc.sql("update duties.duty set activity_code = 'NOPE' where id = ?").param(id).update())
				.isInstanceOf(DataAccessException.class)
				.hasMessageContaining("there is no activity code NOPE");
		});
	}

	@Test
	void wardsAndActivityCodesCannotBeDeletedOrRecoded() {
		inRolledBackTransaction(() -> assertThatThrownBy(
				() -> this.jdbc.sql("delete from geography.ward where code = ?").param(anyWard()).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("retire it instead"));
		inRolledBackTransaction(() -> assertThatThrownBy(
				() -> this.jdbc.sql("update duties.activity_code set code = 'SN_WARD2' where code = 'SN_WARD'").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("cannot be deleted or renamed"));
		inRolledBackTransaction(() -> assertThatThrownBy(
				() -> this.jdbc.sql("delete from duties.activity_code where code = 'SN_WARD'").update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("cannot be deleted or renamed"));
		// renaming what a code is called is allowed
		inRolledBackTransaction(() -> assertThat(
				this.jdbc.sql("update duties.activity_code set name = name || ' (renamed)' where code = 'SN_WARD'").update())
			.isEqualTo(1));
	}

	private long insert(long person, String kind, String start, String end, String ward, String code) {
		Instant starts = Instant.parse(start);
		this.jdbc.sql(INSERT)
			.params(person, kind, java.sql.Date.valueOf(LocalDate.ofInstant(starts, NewDuty.LONDON)), Timestamp.from(starts),
					Timestamp.from(Instant.parse(end)), ward, code)
			.update();
		return this.jdbc.sql("select max(id) from duties.duty").query(Long.class).single();
	}

	private long anyPerson() {
		return this.jdbc.sql("select min(id) from workforce.person").query(Long.class).single();
	}

	private String anyWard() {
		return this.jdbc.sql("select min(code) from geography.ward").query(String.class).single();
	}

	private void inRolledBackTransaction(Runnable work) {
		this.transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			work.run();
		});
	}

}
