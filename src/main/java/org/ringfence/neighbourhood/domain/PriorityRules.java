package org.ringfence.neighbourhood.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.ringfence.platform.InvalidInput;

/** The rules a priority's fields must keep, as field errors a form can show. */
public final class PriorityRules {

	public static final int MAX_ISSUE = 2000;

	public static final int MAX_ACTION = 4000;

	private PriorityRules() {
	}

	/** Problems with a new priority's fields (empty when it may be saved). */
	public static List<InvalidInput.FieldError> checkNew(String issue, String category, String action, LocalDate agreedOn,
			LocalDate actionDate, LocalDate reviewDate, LocalDate today) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (issue == null || issue.isBlank()) {
			errors.add(new InvalidInput.FieldError("issue", "Enter the issue the panel agreed"));
		}
		else if (issue.length() > MAX_ISSUE) {
			errors.add(new InvalidInput.FieldError("issue", "The issue must be " + MAX_ISSUE + " characters or fewer"));
		}
		if (category == null || category.isBlank()) {
			errors.add(new InvalidInput.FieldError("category", "Choose a category"));
		}
		if (action != null && action.length() > MAX_ACTION) {
			errors.add(new InvalidInput.FieldError("action", "The action must be " + MAX_ACTION + " characters or fewer"));
		}
		if (agreedOn == null) {
			errors.add(new InvalidInput.FieldError("agreedOn", "Enter the date the panel agreed the priority"));
		}
		else {
			if (agreedOn.isAfter(today)) {
				errors.add(new InvalidInput.FieldError("agreedOn", "The date agreed cannot be in the future"));
			}
			checkLater(errors, "actionDate", "action date", actionDate, agreedOn);
			checkLater(errors, "reviewDate", "review date", reviewDate, agreedOn);
		}
		return errors;
	}

	/** Problems with a change of action, status and review date of a priority agreed on a date. */
	public static List<InvalidInput.FieldError> checkChange(String action, LocalDate actionDate, LocalDate reviewDate,
			LocalDate agreedOn) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (action != null && action.length() > MAX_ACTION) {
			errors.add(new InvalidInput.FieldError("action", "The action must be " + MAX_ACTION + " characters or fewer"));
		}
		checkLater(errors, "actionDate", "action date", actionDate, agreedOn);
		checkLater(errors, "reviewDate", "review date", reviewDate, agreedOn);
		return errors;
	}

	/**
	 * The day a priority stops being open when its status changes: the day of the change when it
	 * leaves OPEN (never before it was agreed), none when it is (re)opened, unchanged otherwise.
	 */
	public static LocalDate closedOn(boolean wasOpen, boolean isOpen, LocalDate previous, LocalDate today,
			LocalDate agreedOn) {
		if (isOpen) {
			return null;
		}
		if (wasOpen) {
			return today.isBefore(agreedOn) ? agreedOn : today;
		}
		return previous;
	}

	private static void checkLater(List<InvalidInput.FieldError> errors, String field, String label, LocalDate date,
			LocalDate agreedOn) {
		if (date != null && date.isBefore(agreedOn)) {
			errors.add(new InvalidInput.FieldError(field, "The " + label + " cannot be before the date agreed"));
		}
	}

}
