package org.ringfence.flex;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ringfence.flex.domain.FlexChecks;
import org.ringfence.flex.persistence.FlexQueries;
import org.ringfence.flex.persistence.FlexQueries.RequestRow;
import org.ringfence.platform.Actor;
import org.ringfence.platform.AuditableEvent;
import org.ringfence.platform.StateChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks deployed flexes again whenever duty records change while they run (a duty recorded or
 * changed, an import): once per transaction, after it commits, for the boroughs concerned. The
 * latest checks are stored on the request; when a check that passed now fails, the request's
 * history records a re-check with the failing findings and the audit trail an entry, and the flex
 * is flagged on its page and the dashboard. The change to the duties is never held up by this.
 */
@Component
class LiveFlexRecheck {

	private static final Logger log = LoggerFactory.getLogger(LiveFlexRecheck.class);

	/** All boroughs (an import or change without one). */
	static final String ALL = "*";

	private final FlexQueries queries;

	private final FlexRequests requests;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final TransactionTemplate newTransaction;

	LiveFlexRecheck(FlexQueries queries, FlexRequests requests, ApplicationEventPublisher events, JsonMapper json,
			PlatformTransactionManager transactions) {
		this.queries = queries;
		this.requests = requests;
		this.events = events;
		this.json = json;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A duty change: its borough (or all) and duty date (or any). */
	record Change(String borough, Optional<LocalDate> date) {

		boolean concerns(RequestRow row) {
			return (this.borough.equals(ALL) || this.borough.equals(row.boroughCode()))
					&& this.date.map(d -> !d.isBefore(row.firstDay()) && !d.isAfter(row.lastDay())).orElse(true);
		}

	}

	@EventListener
	void on(AuditableEvent event) {
		boolean dutyChange = event.entityType().equals("duty") && !event.action().equals("duty flexed")
				&& !event.action().equals("duty released from flex");
		if ((!dutyChange && !event.entityType().equals("duty import"))
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		@SuppressWarnings("unchecked")
		Set<Change> changes = (Set<Change>) TransactionSynchronizationManager.getResource(this);
		if (changes == null) {
			Set<Change> pending = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, pending);
			String trigger = Actor.current();
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					recheck(pending, trigger);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(LiveFlexRecheck.this);
				}
			});
			changes = pending;
		}
		String borough = event.boroughCode().orElse(ALL);
		if (dutyChange) {
			changes.add(new Change(borough, date(event.before())));
			changes.add(new Change(borough, date(event.after())));
		}
		else {
			changes.add(new Change(borough, Optional.empty()));
		}
	}

	private static Optional<LocalDate> date(Map<String, Object> state) {
		Object date = state.get("date");
		if (date == null) {
			return state.isEmpty() ? Optional.of(LocalDate.MIN) : Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(date.toString()));
		}
		catch (java.time.format.DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	void recheck(Set<Change> changes, String trigger) {
		try {
			this.newTransaction.executeWithoutResult(status -> {
				LocalDate today = this.requests.today();
				for (RequestRow row : this.queries.deployed(Optional.empty(), today, LocalDate.of(9999, 12, 31))) {
					if (changes.stream().anyMatch(c -> c.concerns(row))) {
						recheck(row, trigger);
					}
				}
			});
		}
		catch (RuntimeException ex) {
			log.warn("Re-checking live flexes after a duty change failed", ex);
		}
	}

	private void recheck(RequestRow row, String trigger) {
		FlexChecks.Result result = this.requests.check(this.requests.plan(row, this.queries.officers(row.id())),
				row.boroughCode());
		FlexCheckReport report = result.report();
		this.queries.setChecks(row.id(), this.json.writeValueAsString(report), report.passed());
		boolean newlyFailing = !report.passed() && row.lastCheckPassed().orElse(true);
		if (newlyFailing) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("note", "Re-checked after a duty change by " + trigger + ": " + report.failures().size()
					+ " finding(s) fail.");
			details.put("failures", report.failures());
			this.queries.insertTransition(row.id(), "RECHECK", row.status(), row.status(), Actor.SYSTEM,
					row.ruleSetId(), this.json.writeValueAsString(details));
			this.events.publishEvent(StateChange.changed("flex request re-check failed", "flex request",
					FlexRequests.reference(row.id()), row.boroughCode(), Map.of("checksPassed", true),
					Map.of("checksPassed", false, "failures", report.failures())));
		}
	}

}
