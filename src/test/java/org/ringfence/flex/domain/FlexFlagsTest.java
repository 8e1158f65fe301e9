package org.ringfence.flex.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ringfence.flex.FlexStatus;
import org.ringfence.protocol.FlexDurationRule;

import static org.assertj.core.api.Assertions.assertThat;

class FlexFlagsTest {

	static final FlexDurationRule RULE = new FlexDurationRule(28, 14);

	static final LocalDate FIRST = LocalDate.of(2034, 3, 6);

	static List<String> codes(FlexFlags.Facts facts, LocalDate asOf) {
		return FlexFlags.flags(facts, RULE, asOf).stream().map(FlexFlags.Flag::code).toList();
	}

	@Test
	void aLiveFlexNotReviewedByItsReviewDateIsFlaggedAndNotBefore() {
		FlexFlags.Facts facts = new FlexFlags.Facts(FlexStatus.LIVE, FIRST, FIRST.plusDays(27), Optional.empty(),
				Optional.empty(), false);
		assertThat(codes(facts, FIRST.plusDays(14))).isEmpty();
		assertThat(codes(facts, FIRST.plusDays(15))).containsExactly(FlexFlags.REVIEW_OVERDUE);
	}

	@Test
	void aReviewHeldInTimeIsNotFlagged() {
		FlexFlags.Facts facts = new FlexFlags.Facts(FlexStatus.LIVE, FIRST, FIRST.plusDays(27), Optional.of(FIRST.plusDays(13)),
				Optional.empty(), false);
		assertThat(codes(facts, FIRST.plusDays(20))).isEmpty();
	}

	@Test
	void aFlexRunningPastFourWeeksWithoutAnExceptionIsFlagged() {
		FlexFlags.Facts live = new FlexFlags.Facts(FlexStatus.LIVE, FIRST, FIRST.plusDays(27), Optional.of(FIRST.plusDays(10)),
				Optional.empty(), false);
		assertThat(codes(live, FIRST.plusDays(27))).isEmpty();
		assertThat(codes(live, FIRST.plusDays(28))).contains(FlexFlags.PAST_LIMIT_WITHOUT_EXCEPTION, FlexFlags.NOT_ENDED);
		FlexFlags.Facts withException = new FlexFlags.Facts(FlexStatus.LIVE, FIRST, FIRST.plusDays(41),
				Optional.of(FIRST.plusDays(10)), Optional.empty(), true);
		assertThat(codes(withException, FIRST.plusDays(30))).isEmpty();
	}

	@Test
	void anEndedFlexThatRanPastItsLimitStaysFlagged() {
		FlexFlags.Facts ended = new FlexFlags.Facts(FlexStatus.ENDED, FIRST, FIRST.plusDays(34), Optional.of(FIRST.plusDays(12)),
				Optional.of(FIRST.plusDays(33)), false);
		assertThat(codes(ended, FIRST.plusDays(90))).containsExactly(FlexFlags.PAST_LIMIT_WITHOUT_EXCEPTION);
	}

	@Test
	void draftsAreNeverFlagged() {
		FlexFlags.Facts draft = new FlexFlags.Facts(FlexStatus.DRAFT, FIRST, FIRST.plusDays(40), Optional.empty(),
				Optional.empty(), false);
		assertThat(codes(draft, FIRST.plusDays(60))).isEmpty();
	}

}
