package org.ringfence.neighbourhood.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoliceUkFormatTest {

	@Test
	void datesAsDataPoliceUkWritesThem() {
		assertThat(PoliceUkFormat.date(LocalDate.of(2034, 3, 1))).isEqualTo("2034-03-01T00:00:00");
		assertThat(PoliceUkFormat.dateTime(LocalDateTime.of(2034, 3, 1, 19, 30))).isEqualTo("2034-03-01T19:30:00");
		assertThat(PoliceUkFormat.date(null)).isNull();
	}

	@Test
	void coordinatesAsStringsAndTextAsEscapedHtml() {
		assertThat(PoliceUkFormat.coordinate(-0.1426)).isEqualTo("-0.142600");
		assertThat(PoliceUkFormat.coordinate(51.53904449)).isEqualTo("51.539044");
		assertThat(PoliceUkFormat.html("Cars & <vans>\nat night")).isEqualTo("<p>Cars &amp; &lt;vans&gt;<br>at night</p>");
		assertThat(PoliceUkFormat.html("  ")).isNull();
	}

	@Test
	void markupTypedIntoAPriorityArrivesAsTextInOneParagraph() {
		String typed = "<script>alert('x')</script> & \"quotes\"\r\nline\u0000two\u0085 caf\u00e9";
		String html = PoliceUkFormat.html(typed);
		assertThat(html).isEqualTo("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;<br>linetwo caf\u00e9</p>");
		// one element: no tag but the paragraph's own and the line break
		assertThat(html.replace("<br>", "").replaceAll("^<p>|</p>$", "")).doesNotContain("<", ">");
		// unescaped, it is the text typed (without the carriage return and the control characters)
		String text = html.replaceAll("^<p>|</p>$", "").replace("<br>", "\n").replace("&lt;", "<").replace("&gt;", ">")
			.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
		assertThat(text).isEqualTo("<script>alert('x')</script> & \"quotes\"\nlinetwo caf\u00e9");
	}

}
