package org.ringfence.identity;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An account to create: who, with which role and scopes, and the person they are (if any).
 * Checks the combinations that make sense: officers need a person and a person scope; a
 * force-wide role needs the force scope; borough roles need borough scopes, and so on.
 */
public record NewAccount(String username, String displayName, String password, Role role, Set<Scope> scopes,
		Optional<Long> personId) {

	private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{2,63}$");

	public NewAccount {
		Objects.requireNonNull(role, "role");
		personId = personId == null ? Optional.empty() : personId;
		scopes = Set.copyOf(scopes);
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new IllegalArgumentException(
					"username must be 3-64 characters of lower-case letters, digits, '.', '_' or '-'");
		}
		if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
			throw new IllegalArgumentException("displayName must be 1-100 characters");
		}
		if (password == null || password.length() < 12 || password.length() > 128) {
			throw new IllegalArgumentException("password must be 12-128 characters");
		}
		AccessRules.check(role, scopes, personId);
	}

	/** Which scopes fit which role. */
	public static final class AccessRules {

		private AccessRules() {
		}

		public static void check(Role role, Set<Scope> scopes, Optional<Long> personId) {
			if (scopes.isEmpty()) {
				throw new IllegalArgumentException("an account needs at least one scope");
			}
			Set<ScopeType> allowed = switch (role) {
				case ADMIN, ANALYST, OVERSIGHT, CONTROLLER -> Set.of(ScopeType.FORCE);
				case SUPERINTENDENT, SMT_LEAD, RESOURCE_OFFICE -> Set.of(ScopeType.BOROUGH);
				case INSPECTOR -> Set.of(ScopeType.CLUSTER);
				case SERGEANT -> Set.of(ScopeType.WARD);
				case OFFICER -> Set.of(ScopeType.PERSON);
			};
			for (Scope scope : scopes) {
				if (!allowed.contains(scope.type())) {
					throw new IllegalArgumentException(
							"role " + role + " takes scopes of type " + allowed + ", not " + scope.type());
				}
			}
			if (role == Role.OFFICER) {
				if (personId.isEmpty() || scopes.size() != 1
						|| !scopes.iterator().next().code().equals(Long.toString(personId.get()))) {
					throw new IllegalArgumentException("an officer account's scope is the officer's own person id");
				}
			}
		}

	}

}
