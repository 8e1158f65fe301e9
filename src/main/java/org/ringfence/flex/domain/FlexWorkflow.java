package org.ringfence.flex.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ringfence.flex.FlexAction;
import org.ringfence.flex.FlexStatus;
import org.ringfence.flex.ReviewOutcome;
import org.ringfence.identity.Role;

/**
 * The flex workflow of the SN Deployment Protocol as a state machine: for each action, the states it
 * may be taken from, the state it leads to, and the roles that take it. Scope is the receiving ward:
 * a sergeant's ward(s), an inspector's cluster, the borough of the SMT lead and superintendent.
 *
 * <pre>
 * DRAFT -SUBMIT-> SUBMITTED -ESCALATE-> ESCALATED -APPROVE_WARDS-> WARDS_APPROVED -PRESENT-> PRESENTED
 * PRESENTED -AUTHORISE-> AUTHORISED (duties updated) -ENDORSE-> LIVE      PRESENTED -REJECT-> REJECTED
 * LIVE -REVIEW(continue|change)-> LIVE     LIVE -REVIEW(end)-> ENDED     AUTHORISED|LIVE -END-> ENDED
 * ENDED -RECORD_FEEDBACK-> ENDED -CLOSE-> CLOSED (feedback to every ward panel first)
 * </pre>
 */
public final class FlexWorkflow {

	/** One action: from which states, to which, by whom. */
	public record Step(FlexAction action, Set<FlexStatus> from, FlexStatus to, Set<Role> roles) {
	}

	private static final Map<FlexAction, Step> STEPS = new EnumMap<>(FlexAction.class);

	static {
		step(FlexAction.SUBMIT, EnumSet.of(FlexStatus.DRAFT), FlexStatus.SUBMITTED, Role.SERGEANT, Role.INSPECTOR);
		step(FlexAction.ESCALATE, EnumSet.of(FlexStatus.SUBMITTED), FlexStatus.ESCALATED, Role.INSPECTOR);
		step(FlexAction.APPROVE_WARDS, EnumSet.of(FlexStatus.ESCALATED), FlexStatus.WARDS_APPROVED, Role.SMT_LEAD);
		step(FlexAction.PRESENT, EnumSet.of(FlexStatus.WARDS_APPROVED), FlexStatus.PRESENTED, Role.SMT_LEAD,
				Role.SUPERINTENDENT);
		step(FlexAction.AUTHORISE, EnumSet.of(FlexStatus.PRESENTED), FlexStatus.AUTHORISED, Role.SUPERINTENDENT);
		step(FlexAction.REJECT, EnumSet.of(FlexStatus.PRESENTED), FlexStatus.REJECTED, Role.SUPERINTENDENT);
		step(FlexAction.ENDORSE, EnumSet.of(FlexStatus.AUTHORISED), FlexStatus.LIVE, Role.SUPERINTENDENT);
		step(FlexAction.REVIEW, EnumSet.of(FlexStatus.LIVE), FlexStatus.LIVE, Role.SUPERINTENDENT);
		step(FlexAction.END, EnumSet.of(FlexStatus.AUTHORISED, FlexStatus.LIVE), FlexStatus.ENDED, Role.SUPERINTENDENT,
				Role.SMT_LEAD);
		step(FlexAction.RECORD_FEEDBACK, EnumSet.of(FlexStatus.ENDED), FlexStatus.ENDED, Role.SMT_LEAD, Role.INSPECTOR);
		step(FlexAction.CLOSE, EnumSet.of(FlexStatus.ENDED), FlexStatus.CLOSED, Role.SMT_LEAD, Role.INSPECTOR);
	}

	private FlexWorkflow() {
	}

	private static void step(FlexAction action, Set<FlexStatus> from, FlexStatus to, Role... roles) {
		STEPS.put(action, new Step(action, Set.copyOf(from), to, Set.of(roles)));
	}

	public static Step step(FlexAction action) {
		return STEPS.get(action);
	}

	/** The roles that take an action (within the receiving ward's scope). */
	public static Set<Role> roles(FlexAction action) {
		return STEPS.get(action).roles();
	}

	/** Why an action cannot be taken in a state; empty when it can. */
	public static Optional<String> refusal(FlexStatus current, FlexAction action) {
		Step step = STEPS.get(action);
		if (step.from().contains(current)) {
			return Optional.empty();
		}
		String allowed = step.from().stream().map(FlexStatus::label).sorted().reduce((a, b) -> a + " or " + b).orElse("");
		return Optional.of("A flex request that is " + current.label().toLowerCase(java.util.Locale.ROOT) + " cannot be "
				+ "taken to \"" + action.label() + "\": that step needs a request that is "
				+ allowed.toLowerCase(java.util.Locale.ROOT) + ".");
	}

	/** The state an action leads to (a review may end the flex). */
	public static FlexStatus target(FlexStatus current, FlexAction action, Optional<ReviewOutcome> outcome) {
		refusal(current, action).ifPresent(reason -> {
			throw new IllegalStateException(reason);
		});
		if (action == FlexAction.REVIEW && outcome.orElse(ReviewOutcome.CONTINUE) == ReviewOutcome.END) {
			return FlexStatus.ENDED;
		}
		return STEPS.get(action).to();
	}

	/** The actions that may be taken in a state, in workflow order. */
	public static List<FlexAction> actionsIn(FlexStatus current) {
		return STEPS.values().stream().filter(s -> s.from().contains(current)).map(Step::action).toList();
	}

	/** The actions a role may take in a state (scope aside). */
	public static List<FlexAction> actionsFor(Role role, FlexStatus current) {
		return actionsIn(current).stream().filter(a -> STEPS.get(a).roles().contains(role)).toList();
	}

	/** Every role that takes some step (the roles that may act on flex requests at all). */
	public static Set<Role> actingRoles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		STEPS.values().forEach(s -> roles.addAll(s.roles()));
		return roles;
	}

}
