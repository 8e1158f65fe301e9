/**
 * Neighbourhood: ward panels (members by name and role, meetings), the priorities a panel agrees
 * with its Safer Neighbourhoods team (from a maintained list of categories), London-wide themes
 * (how many teams hold an open priority of each category in a month), and the public face: ward
 * pages and a data.police.uk-compatible API under {@code /police-uk/api/} that publish only what
 * is public (team names and roles, priorities and actions, public panel meetings, boundaries).
 * {@link org.ringfence.neighbourhood.WardPriorities} is the module's public API for priorities,
 * {@link org.ringfence.neighbourhood.WardPanels} for panels and meetings,
 * {@link org.ringfence.neighbourhood.PublicNeighbourhoods} for what is published.
 */
package org.ringfence.neighbourhood;
