package org.ringfence.identity;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The logged-in user's scope, checked by handlers after {@code @PreAuthorize} has checked the role.
 * Every {@code require...} method throws {@link ScopeDenied} (403) when the scope does not cover
 * the data.
 */
@Component
public class CurrentAccess {

	public RingfenceUser user() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof RingfenceUser user) {
			return user;
		}
		throw new ScopeDenied("No logged-in user.");
	}

	public Optional<RingfenceUser> optionalUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof RingfenceUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public Set<Scope> scopes() {
		return user().scopes();
	}

	/**
	 * The boroughs whose records the user may list: empty for a force-wide user (all boroughs and
	 * force-wide records), otherwise their borough scopes (none for cluster, ward or person scopes).
	 */
	public Optional<java.util.List<String>> boroughsOrAll() {
		RingfenceUser user = user();
		if (user.hasForceScope()) {
			return Optional.empty();
		}
		return Optional.of(user.scopes().stream().filter(s -> s.type() == ScopeType.BOROUGH).map(Scope::code).sorted().toList());
	}

	/**
	 * The borough a borough-or-London view covers: the one asked for if in scope; all London (empty)
	 * for a force-wide user who asked for none; a borough user's own borough; otherwise denied.
	 */
	public Optional<String> boroughOrLondon(Optional<String> borough) {
		if (borough.isPresent()) {
			require(Place.borough(borough.get()));
			return borough;
		}
		if (user().hasForceScope()) {
			return Optional.empty();
		}
		java.util.List<String> boroughs = boroughsOrAll().orElse(java.util.List.of());
		if (boroughs.size() == 1) {
			return Optional.of(boroughs.get(0));
		}
		throw new ScopeDenied("Name a borough within your scope.");
	}

	public boolean covers(Place place) {
		return AccessPolicy.covers(scopes(), place);
	}

	/** Whether the user's role is one of these and their scope covers the place. */
	public boolean may(java.util.Set<Role> roles, Place place) {
		return optionalUser().map(u -> roles.contains(u.role()) && AccessPolicy.covers(u.scopes(), place)).orElse(false);
	}

	public void require(Place place) {
		if (!covers(place)) {
			throw new ScopeDenied("It is outside your scope (" + describe(place) + ").");
		}
	}

	public void requirePerson(long personId, Optional<Place> postedAt) {
		if (!AccessPolicy.coversPerson(scopes(), personId, postedAt)) {
			throw new ScopeDenied("That person's records are outside your scope.");
		}
	}

	private static String describe(Place place) {
		return place.wardCode()
			.map(w -> "ward " + w)
			.or(() -> place.clusterCode().map(c -> "cluster " + c))
			.orElse("borough " + place.boroughCode());
	}

}
