package org.ringfence.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in user: role, scopes and, for officers and staff, the person they are. Kept in the
 * HTTP session (shared by instances through the database), so it is serializable; personRef is 0
 * for accounts that are not a person.
 */
public record RingfenceUser(String username, String displayName, Role role, Set<Scope> scopes, long personRef,
		String passwordHash, boolean enabled) implements UserDetails {

	public RingfenceUser {
		scopes = Set.copyOf(scopes);
	}

	/** The same user without the password hash, for keeping in the session. */
	public RingfenceUser withoutPassword() {
		return new RingfenceUser(this.username, this.displayName, this.role, this.scopes, this.personRef, "", this.enabled);
	}

	/** The person this user is (officers and staff); empty for accounts such as admin or oversight. */
	public Optional<Long> personId() {
		return this.personRef > 0 ? Optional.of(this.personRef) : Optional.empty();
	}

	public boolean hasForceScope() {
		return this.scopes.stream().anyMatch(s -> s.type() == ScopeType.FORCE);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

}
