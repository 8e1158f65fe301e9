package org.ringfence.duties;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.duties.persistence.DutyQueries;
import org.ringfence.geography.GeographyService;
import org.ringfence.platform.DomainRuleViolation;
import org.ringfence.support.IntegrationTest;
import org.ringfence.workforce.Posting;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A published roster's tour inside the month's notice window changes only with an exigencies-of-duty
 * reason: refused without one, audited with it; outside the window it changes freely. The duty
 * service runs here on a clock set in 2048 so that the window falls on the test's tours.
 */
@IntegrationTest
class RosterNoticeWindowIT {

	static final LocalDate DAY = LocalDate.of(2048, 6, 10);

	@Autowired
	DutyService duties;

	@Autowired
	DutyQueries queries;

	@Autowired
	WorkforceService workforce;

	@Autowired
	GeographyService geography;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactionManager;

	org.springframework.transaction.support.TransactionTemplate transactions;

	@org.junit.jupiter.api.BeforeEach
	void transactions() {
		this.transactions = new org.springframework.transaction.support.TransactionTemplate(this.transactionManager);
	}

	DutyService at(Instant now) {
		return new DutyService(this.queries, this.workforce, this.geography, this.events, this.json,
				Clock.fixed(now, ZoneOffset.UTC));
	}

	@Test
	@WithMockUser(username = "resources.camden")
	void aRosteredTourInsideTheNoticeWindowNeedsAReason() {
		Posting dwo = this.workforce.currentPostings(DAY)
			.stream()
			.filter(p -> p.role() == WorkforceRole.DWO && p.unit().kind() == Unit.Kind.WARD)
			.filter(p -> p.unit().code().startsWith("E0500"))
			.skip(7)
			.findFirst()
			.orElseThrow();
		String ward = dwo.unit().code();
		NewDuty tour = NewDuty.ofLocalTimes(dwo.personId(), DutyKind.PLANNED, DAY, LocalTime.of(7, 0), LocalTime.of(15, 0),
				Optional.of(ward), "", "SN_WARD");
		NewDuty later = NewDuty.ofLocalTimes(dwo.personId(), DutyKind.PLANNED, DAY.plusDays(60), LocalTime.of(7, 0),
				LocalTime.of(15, 0), Optional.of(ward), "", "SN_WARD");
		List<Duty> written = this.duties.recordRostered("it-" + System.nanoTime(), null, List.of(tour, later));
		assertThat(written).allMatch(d -> d.source().startsWith("roster:"));
		Duty inside = written.get(0);
		Duty outside = written.get(1);
		DutyService tenDaysBefore = at(DAY.minusDays(10).atStartOfDay(NewDuty.LONDON).toInstant());
		NewDuty moved = NewDuty.ofLocalTimes(dwo.personId(), DutyKind.PLANNED, DAY, LocalTime.of(9, 0), LocalTime.of(17, 0),
				Optional.of(ward), "", "SN_WARD");

		assertThatThrownBy(() -> tenDaysBefore.change(inside.id(), inside.version(), moved, Optional.empty()))
			.isInstanceOf(DomainRuleViolation.class)
			.hasMessageContaining("exigencies of duty")
			.satisfies(ex -> assertThat(((DomainRuleViolation) ex).code()).isEqualTo("roster-notice-window"));
		assertThatThrownBy(() -> tenDaysBefore.change(inside.id(), inside.version(), moved))
			.isInstanceOf(DomainRuleViolation.class);
		assertThat(this.duties.duty(inside.id()).startsAt()).isEqualTo(inside.startsAt());

		// the service built here is not a Spring proxy: run the change in a transaction as the real one does
		Duty changed = this.transactions.execute(status -> tenDaysBefore.change(inside.id(), inside.version(), moved,
				Optional.of("Exigencies of duty: aid to a major incident")));
		assertThat(changed.startsAt()).isEqualTo(moved.startsAt());
		String audited = this.jdbc.sql("""
				select after_state::text from audit.entry where entity_type = 'duty' and entity_id = ?
				order by seq desc limit 1""").param(Long.toString(inside.id())).query(String.class).single();
		assertThat(audited).contains("Exigencies of duty: aid to a major incident");

		// beyond the window: no reason needed
		NewDuty laterMoved = NewDuty.ofLocalTimes(dwo.personId(), DutyKind.PLANNED, DAY.plusDays(60), LocalTime.of(8, 0),
				LocalTime.of(16, 0), Optional.of(ward), "", "SN_WARD");
		assertThat(this.transactions.execute(status -> tenDaysBefore.change(outside.id(), outside.version(), laterMoved))
			.startsAt())
			.isEqualTo(laterMoved.startsAt());
	}

	@Autowired
	org.ringfence.duties.persistence.FlexDutyQueries flexQueries;

	@Test
	@WithMockUser(username = "supt.camden")
	void aFlexOverARosteredTourInsideTheNoticeWindowIsRecordedAsAnExigencyOfDuty() {
		LocalDate day = DAY.plusDays(3);
		Posting dwo = this.workforce.currentPostings(day)
			.stream()
			.filter(p -> p.role() == WorkforceRole.DWO && p.unit().kind() == Unit.Kind.WARD)
			.filter(p -> p.unit().code().startsWith("E0500"))
			.skip(9)
			.findFirst()
			.orElseThrow();
		String ward = dwo.unit().code();
		String receiving = this.geography.ward(ward).neighbours().get(0);
		NewDuty tour = NewDuty.ofLocalTimes(dwo.personId(), DutyKind.PLANNED, day, LocalTime.of(7, 0), LocalTime.of(15, 0),
				Optional.of(ward), "", "SN_WARD");
		NewDuty later = NewDuty.ofLocalTimes(dwo.personId(), DutyKind.PLANNED, day.plusDays(60), LocalTime.of(7, 0),
				LocalTime.of(15, 0), Optional.of(ward), "", "SN_WARD");
		List<Duty> written = this.duties.recordRostered("it-flex-" + System.nanoTime(), null, List.of(tour, later));
		Duty inside = written.get(0);
		Duty outside = written.get(1);
		FlexDuties tenDaysBefore = new FlexDuties(this.flexQueries, this.events, this.json,
				Clock.fixed(day.minusDays(10).atStartOfDay(NewDuty.LONDON).toInstant(), ZoneOffset.UTC));
		String reference = "FLEX-IT-" + System.nanoTime();

		this.transactions.executeWithoutResult(status -> tenDaysBefore.flex(reference, null, receiving,
				java.util.Map.of(inside.id(), inside.version(), outside.id(), outside.version())));

		assertThat(lastAudit(inside.id())).contains("rostered duty flexed for exigencies of duty")
			.contains("Exigencies of duty: flex " + reference + " authorised");
		assertThat(lastAudit(outside.id())).startsWith("duty flexed").doesNotContain("xigencies");
		assertThat(this.duties.duty(inside.id()).activityCode()).isEqualTo(FlexDuties.FLEX_CODE);

		this.transactions.executeWithoutResult(status -> tenDaysBefore.release(reference, null, day));

		assertThat(lastAudit(inside.id())).contains("rostered duty released from flex for exigencies of duty")
			.contains("returns to its rostered post");
		assertThat(this.duties.duty(inside.id()).activityCode()).isEqualTo("SN_WARD");
		assertThat(this.duties.duty(inside.id()).wardCode()).contains(ward);
	}

	private String lastAudit(long dutyId) {
		return this.jdbc.sql("""
				select action || ' ' || after_state::text from audit.entry where entity_type = 'duty' and entity_id = ?
				order by seq desc limit 1""").param(Long.toString(dutyId)).query(String.class).single();
	}

}
