package org.ringfence.identity;

import java.util.Collection;

/**
 * Whether a user's scope covers a place or a person. Pure rules, no Spring: a force scope covers
 * everything; a borough scope covers its clusters and wards; a cluster scope covers its wards; a
 * ward scope covers that ward; a person scope covers only that person's own records.
 */
public final class AccessPolicy {

	private AccessPolicy() {
	}

	/** Whether the scopes cover the place as a whole (a borough-wide place needs a borough or force scope). */
	public static boolean covers(Collection<Scope> scopes, Place place) {
		for (Scope scope : scopes) {
			boolean covered = switch (scope.type()) {
				case FORCE -> true;
				case BOROUGH -> scope.code().equals(place.boroughCode());
				case CLUSTER -> place.clusterCode().map(scope.code()::equals).orElse(false);
				case WARD -> place.wardCode().map(scope.code()::equals).orElse(false);
				case PERSON -> false;
			};
			if (covered) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the scopes cover a person, who is posted at the given place (if anywhere): the
	 * person themselves, or anyone whose scope covers the person's posting.
	 */
	public static boolean coversPerson(Collection<Scope> scopes, long personId, java.util.Optional<Place> postedAt) {
		for (Scope scope : scopes) {
			if (scope.type() == ScopeType.PERSON && scope.code().equals(Long.toString(personId))) {
				return true;
			}
			if (scope.type() == ScopeType.FORCE) {
				return true;
			}
		}
		return postedAt.map(place -> covers(scopes, place)).orElse(false);
	}

}
