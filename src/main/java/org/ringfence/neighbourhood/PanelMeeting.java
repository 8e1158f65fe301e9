package org.ringfence.neighbourhood;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A ward panel meeting, at local (London) times. Minutes are internal: the public API and pages
 * publish public meetings' date, time and place only.
 */
public record PanelMeeting(long id, String wardCode, LocalDateTime startsAt, LocalDateTime endsAt, String place,
		Optional<Integer> attendance, String minutes, boolean isPublic, boolean synthetic, int version) {
}
