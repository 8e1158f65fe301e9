package org.ringfence.duties.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ringfence.duties.Duty;
import org.ringfence.duties.DutyKind;
import org.ringfence.duties.DutyService;
import org.ringfence.duties.NewDuty;
import org.ringfence.geography.GeographyService;
import org.ringfence.support.IntegrationTest;
import org.ringfence.support.WebSession;
import org.ringfence.workforce.Posting;
import org.ringfence.workforce.Unit;
import org.ringfence.workforce.WorkforceRole;
import org.ringfence.workforce.WorkforceService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The duty edit page and a published roster's tour inside the month's notice window (real clock: the
 * tour is written for a day two to three weeks ahead): the page shows the exigencies-of-duty reason
 * field, a change without a reason is refused with the message and changes nothing, a change with
 * one is saved and its reason audited. An ordinary duty's page has no reason field.
 */
@IntegrationTest
class DutyEditReasonIT {

	static final String CAMDEN = "E09000007";

	@LocalServerPort
	int port;

	@Autowired
	DutyService duties;

	@Autowired
	WorkforceService workforce;

	@Autowired
	GeographyService geography;

	@Autowired
	JdbcClient jdbc;

	/** A rostered tour 02:00-03:00 (nobody's planned SN tour then) of a Camden DWO 14-28 days ahead. */
	Duty rosteredTourInsideTheWindow() {
		LocalDate today = LocalDate.now(NewDuty.LONDON);
		Set<String> camden = this.geography.wards(Optional.of(CAMDEN))
			.stream()
			.map(w -> w.code())
			.collect(Collectors.toSet());
		List<Posting> dwos = this.workforce.currentPostings(today)
			.stream()
			.filter(p -> p.role() == WorkforceRole.DWO && p.unit().kind() == Unit.Kind.WARD
					&& camden.contains(p.unit().code()))
			.toList();
		RuntimeException last = null;
		for (Posting dwo : dwos) {
			for (int days = 14; days <= 28; days++) {
				NewDuty tour = NewDuty.ofLocalTimes(dwo.personId(), DutyKind.PLANNED, today.plusDays(days), LocalTime.of(2, 0),
						LocalTime.of(3, 0), Optional.of(dwo.unit().code()), "", "SN_WARD");
				try {
					return this.duties.recordRostered("edit-page-it-" + System.nanoTime(), CAMDEN, List.of(tour)).get(0);
				}
				catch (RuntimeException overlap) {
					last = overlap; // that hour is taken: try another day
				}
			}
		}
		throw new IllegalStateException("no Camden DWO free for a test tour", last);
	}

	static Map<String, String> form(Duty duty, LocalTime start, LocalTime end, String reason) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", Integer.toString(duty.version()));
		form.put("date", duty.dutyDate().toString());
		form.put("start", start.toString());
		form.put("end", end.toString());
		form.put("ward", duty.wardCode().orElse(""));
		form.put("place", "");
		form.put("activityCode", duty.activityCode());
		if (reason != null) {
			form.put("reason", reason);
		}
		return form;
	}

	@Test
	@WithMockUser(username = "resources.camden")
	void theEditPageTakesAnExigenciesReasonInsideTheNoticeWindow() {
		Duty tour = rosteredTourInsideTheWindow();
		assertThat(tour.source()).startsWith("roster:");
		WebSession session = WebSession.signIn(this.port, "resources.camden");
		String edit = "/duties/" + tour.id() + "/edit";

		WebSession.Page page = session.get(edit);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Reason (exigencies of duty)").contains("name=\"reason\"");

		WebSession.Page refused = session.post(edit, edit, form(tour, LocalTime.of(2, 30), LocalTime.of(3, 30), null));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("exigencies of duty").contains("reason-error").contains("Give the reason");
		assertThat(this.duties.duty(tour.id()).version()).isEqualTo(tour.version());

		WebSession.Page blank = session.post(edit, edit, form(tour, LocalTime.of(2, 30), LocalTime.of(3, 30), "  "));
		assertThat(blank.status()).isEqualTo(422);

		String reason = "Exigencies of duty: page test aid " + System.nanoTime();
		WebSession.Page saved = session.post(edit, edit, form(tour, LocalTime.of(2, 30), LocalTime.of(3, 30), reason));
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		Duty changed = this.duties.duty(tour.id());
		assertThat(changed.version()).isEqualTo(tour.version() + 1);
		assertThat(changed.startsAt()).isEqualTo(tour.startsAt().plusSeconds(30 * 60));
		String audited = this.jdbc.sql("""
				select action || ' ' || after_state::text from audit.entry where entity_type = 'duty' and entity_id = ?
				order by seq desc limit 1""").param(Long.toString(tour.id())).query(String.class).single();
		assertThat(audited).contains("exigencies of duty").contains(reason);
		assertThat(this.jdbc.sql("select actor from audit.entry where entity_type = 'duty' and entity_id = ? order by seq desc limit 1")
			.param(Long.toString(tour.id()))
			.query(String.class)
			.single()).isEqualTo("resources.camden");
	}

	@Test
	void anOrdinaryDutyHasNoReasonField() {
		long id = this.jdbc.sql("""
				select d.id from duties.duty d where d.kind = 'ACTUAL' and d.person_id in (
				  select m.person_id from workforce.team_membership m join geography.ward_place w on w.ward_code = m.ward_code
				  where w.borough_code = ? and m.start_date <= current_date
				    and (m.end_date is null or m.end_date >= current_date)) limit 1""").param(CAMDEN).query(Long.class).single();
		WebSession.Page page = WebSession.signIn(this.port, "resources.camden").get("/duties/" + id + "/edit");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("Reason (exigencies of duty)");
	}

}
