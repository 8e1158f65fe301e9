package org.ringfence.neighbourhood;

import java.util.List;

/**
 * A ward's public page: its team (names and roles), published priorities, next public panel
 * meetings (date, time, place: never minutes). synthetic: some of it is invented demo data.
 */
public record PublicWard(String code, String name, String boroughName, Integer population, List<TeamEntry> team,
		List<Priority> priorities, List<PanelMeeting> meetings, boolean synthetic) {

	/** A team member as published. */
	public record TeamEntry(String name, String rank, String role) {
	}

}
