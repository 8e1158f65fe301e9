package org.ringfence.neighbourhood;

import java.time.LocalDateTime;

/** A panel meeting to record: start and end (local London time), place, whether public, and (once held) attendance and minutes. */
public record NewMeeting(LocalDateTime startsAt, LocalDateTime endsAt, String place, Boolean isPublic, Integer attendance,
		String minutes) {
}
