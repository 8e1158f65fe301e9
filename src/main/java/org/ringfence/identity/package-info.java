/**
 * Identity: the people who log in, their role (what kind of thing they may do) and their scope
 * (where: force, boroughs, clusters, wards, or only their own records), form login for people,
 * HTTP Basic for scripts, and throttling of failed logins. Access is denied by default: every
 * handler states its roles with {@code @PreAuthorize} using {@link org.ringfence.identity.Roles},
 * and checks scope through {@link org.ringfence.identity.CurrentAccess}.
 */
package org.ringfence.identity;
