package org.ringfence.identity;

/** Where a user may act. */
public enum ScopeType {

	FORCE, BOROUGH, CLUSTER, WARD, PERSON

}
