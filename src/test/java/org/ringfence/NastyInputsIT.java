package org.ringfence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ringfence.support.Api;
import org.ringfence.support.IntegrationTest;
import org.ringfence.support.WebSession;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-written nasty inputs through the real HTTP API (issue 8, bad input), each with the clear
 * answer it must get, and, for each refusal, the stored rows counted before and after:
 * <ul>
 * <li>a file over the upload limit: 400 (raw body) or 413 (multipart), nothing stored;</li>
 * <li>wrong encodings: UTF-16, Latin-1 with accents: 400/422 "not UTF-8" naming the line, nothing
 * stored; UTF-8 with a byte order mark and accents: stored, accents intact;</li>
 * <li>formula injection in CSV cells ({@code =cmd|...}, {@code +}, {@code -}, {@code @}): stored as
 * text; the exports neutralise them ({@code ReportDocumentsTest} for the workbook, the Datastore CSV
 * here);</li>
 * <li>path traversal in an uploaded file name: only the last element, tamed, is reported;</li>
 * <li>SQL and HTML in text fields (duty place, significant event title and description, school
 * name): stored literally, the tables intact, pages escape them.</li>
 * </ul>
 * Dates from 2039 on (the significant event: one day 50 weeks ahead, for the page to list it), so
 * that no other test or the demo data meets them.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NastyInputsIT {

	static final String DUTIES = "/api/v1/imports/duties";

	static final String HEADER = "service_number,kind,date,start,end,ward_code,place,activity_code\n";

	static final String SQL = "Robert'); DROP TABLE duties.duty;--";

	static final String HTML = "<script>alert('x')</script><img src=x onerror=alert(1)>";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	long personId;

	String serviceNumber;

	String wardCode;

	@BeforeAll
	void setUp() {
		this.api = new Api(this.port);
		var person = this.jdbc.sql("""
				select p.id, p.service_number, po.ward_code
				from workforce.person p
				join workforce.posting po on po.person_id = p.id
				join geography.ward w on w.code = po.ward_code
				where po.start_date <= current_date and (po.end_date is null or po.end_date > current_date)
				  and w.borough_code = 'E09000007'
				order by p.id desc limit 1
				""").query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) }).single();
		this.personId = (Long) person[0];
		this.serviceNumber = (String) person[1];
		this.wardCode = (String) person[2];
	}

	long allDuties() {
		return this.jdbc.sql("select count(*) from duties.duty").query(Long.class).single();
	}

	long dutiesIn2039() {
		return this.jdbc.sql("select count(*) from duties.duty where person_id = ? and duty_date >= date '2039-01-01'")
			.param(this.personId).query(Long.class).single();
	}

	String row(String date, String place) {
		return this.serviceNumber + ",PLANNED," + date + ",07:00,15:00," + this.wardCode + "," + place + ",SN_WARD\n";
	}

	Api.Response csv(String path, byte[] body) {
		return this.api.post("admin", path, "text/csv", body);
	}

	@Test
	void aRawBodyOverTheUploadLimitIs400AndNothingIsStored() {
		long before = allDuties();
		byte[] huge = new byte[50 * 1024 * 1024 + 10];
		byte[] start = (HEADER + row("2039-01-02", "")).getBytes(StandardCharsets.UTF_8);
		System.arraycopy(start, 0, huge, 0, start.length);
		java.util.Arrays.fill(huge, start.length, huge.length, (byte) '\n');
		Api.Response response = csv(DUTIES, huge);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("larger than 50 MB");
		assertThat(allDuties()).isEqualTo(before);
	}

	@Test
	void aMultipartFileOverTheUploadLimitIs413AndNothingIsStored() throws Exception {
		long before = allDuties();
		byte[] file = new byte[51 * 1024 * 1024];
		java.util.Arrays.fill(file, (byte) '\n');
		HttpResponse<String> response = multipart("admin", DUTIES, "big.csv", file);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		if (!response.body().isEmpty()) { // the container may refuse it before the application sees it
			assertThat(response.body()).contains("too-large");
		}
		assertThat(allDuties()).isEqualTo(before);
	}

	@Test
	void utf16IsRefusedAsNotUtf8AndNothingIsStored() {
		long before = allDuties();
		byte[] text = (HEADER + row("2039-01-03", "")).getBytes(StandardCharsets.UTF_16LE);
		byte[] withBom = new byte[text.length + 2];
		withBom[0] = (byte) 0xFF;
		withBom[1] = (byte) 0xFE;
		System.arraycopy(text, 0, withBom, 2, text.length);
		Api.Response response = csv(DUTIES, withBom);
		assertThat(response.status()).as(response.body()).isIn(400, 422);
		assertThat(response.body()).contains("not UTF-8");
		assertThat(allDuties()).isEqualTo(before);
	}

	@Test
	void latin1AccentsAreRefusedNamingTheLineAndNothingIsStored() {
		long before = allDuties();
		byte[] latin1 = (HEADER + row("2039-01-04", "Caf\u00e9") + row("2039-01-05", "Ch\u00e2teau"))
			.getBytes(StandardCharsets.ISO_8859_1);
		Api.Response response = csv(DUTIES, latin1);
		assertThat(response.status()).as(response.body()).isIn(400, 422);
		JsonNode rejected = response.json().get("report").get("rejected").get(0);
		assertThat(rejected.get("line").asInt()).isEqualTo(2);
		assertThat(rejected.get("reason").asString()).contains("not UTF-8");
		assertThat(allDuties()).isEqualTo(before);
		assertThat(dutiesIn2039()).isZero();
	}

	@Test
	void utf8WithAByteOrderMarkKeepsItsAccentsAndFormulaCellsAreStoredAsText() {
		String formulas = "\"=cmd|' /C calc'!A0\"";
		byte[] body = ("\uFEFF" + HEADER + row("2039-02-01", "Caf\u00e9 \u00e0 Cr\u00e8me") + row("2039-02-02", formulas)
				+ row("2039-02-03", "+44 20 7946 0000") + row("2039-02-04", "-1+1") + row("2039-02-05", "@SUM(A1)"))
			.getBytes(StandardCharsets.UTF_8);
		Api.Response response = csv(DUTIES, body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("stored").asInt()).isEqualTo(5);
		List<String> places = this.jdbc.sql("select place from duties.duty where person_id = ? and duty_date between "
				+ "date '2039-02-01' and date '2039-02-05' order by duty_date").param(this.personId).query(String.class).list();
		assertThat(places).containsExactly("Caf\u00e9 \u00e0 Cr\u00e8me", "=cmd|' /C calc'!A0", "+44 20 7946 0000", "-1+1",
				"@SUM(A1)");
	}

	@Test
	void pathTraversalInAFileNameIsReportedAsItsLastElementOnly() throws Exception {
		long before = allDuties();
		byte[] bad = (HEADER + "ZZ00000,PLANNED,2039-03-01,07:00,15:00,,,SN_WARD\n").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = multipart("admin", DUTIES, "../../etc/passwd", bad);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		JsonNode report = new Api.Response(422, response.body(), "").json().get("report");
		assertThat(report.get("files").toString()).isEqualTo("[\"passwd\"]");
		assertThat(report.get("rejected").get(0).get("file").asString()).isEqualTo("passwd");
		HttpResponse<String> windows = multipart("admin", "/api/v1/schools/import?year=2039&dryRun=true",
				"../../Windows/<b>win.ini", "urn,name\n1,x\n".getBytes(StandardCharsets.UTF_8));
		assertThat(windows.statusCode()).as(windows.body()).isEqualTo(422);
		assertThat(windows.body()).contains("_b_win.ini").doesNotContain("Windows").doesNotContain("<b>");
		assertThat(allDuties()).isEqualTo(before);
	}

	@Test
	void sqlAndHtmlInADutyPlaceAreStoredLiterally() {
		String body = "{\"personId\":" + this.personId + ",\"kind\":\"PLANNED\",\"date\":\"2039-04-01\",\"start\":\"07:00\","
				+ "\"end\":\"15:00\",\"wardCode\":\"" + this.wardCode + "\",\"place\":" + json(SQL + " " + HTML.substring(0, 30))
				+ ",\"activityCode\":\"SN_WARD\"}";
		Api.Response created = this.api.post("admin", "/api/v1/duties", "application/json",
				body.getBytes(StandardCharsets.UTF_8));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(this.api.get("admin", "/api/v1/duties/" + id).json().get("place").asString())
			.isEqualTo(SQL + " " + HTML.substring(0, 30));
		assertThat(allDuties()).isPositive();
	}

	@Test
	void sqlAndHtmlInASignificantEventAreStoredLiterallyAndEscapedOnThePage() {
		// the page lists a year either side of today: one day 50 weeks ahead
		java.time.LocalDate day = java.time.LocalDate.now().plusWeeks(50);
		String title = HTML.substring(0, 30) + " " + SQL;
		String description = "\"><svg onload=alert(1)> ' OR '1'='1 -- " + HTML;
		Api.Response declared = this.api.post("supt.hackney", "/api/v1/significant-events", "application/json",
				("{\"boroughCode\":\"E09000012\",\"title\":" + json(title) + ",\"description\":" + json(description)
						+ ",\"startsOn\":\"" + day + "\",\"endsOn\":\"" + day + "\"}").getBytes(StandardCharsets.UTF_8));
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		assertThat(declared.json().get("title").asString()).isEqualTo(title);
		assertThat(declared.json().get("description").asString()).isEqualTo(description);
		String page = WebSession.signIn(this.port, "supt.hackney").get("/significant-events").body();
		assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.contains("&quot;&gt;&lt;svg onload=alert(1)&gt;")
			.doesNotContain("<script>alert(")
			.doesNotContain("<svg onload");
	}

	@Test
	void sqlAndHtmlInASchoolNameAreStoredLiterally() {
		String name = HTML.substring(0, 30) + " " + SQL;
		String file = "urn,name,phase,ward_code\n9390001," + csvField(name) + ",primary," + this.wardCode + "\n"
				+ "9390002,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",secondary," + this.wardCode + "\n";
		long before = this.jdbc.sql("select count(*) from allocation.school").query(Long.class).single();
		Api.Response imported = csv("/api/v1/schools/import?year=2039", file.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("created").asInt()).isEqualTo(2);
		JsonNode schools = this.api.get("admin", "/api/v1/schools?borough=E09000007&year=2039").json();
		List<String> names = new java.util.ArrayList<>();
		schools.forEach(s -> names.add(s.get("name").asString()));
		assertThat(names).contains(name, "=HYPERLINK(\"http://evil\",\"x\")");
		assertThat(this.jdbc.sql("select count(*) from allocation.school").query(Long.class).single()).isEqualTo(before + 2);
	}

	static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	static String csvField(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	HttpResponse<String> multipart(String user, String path, String fileName, byte[] content)
			throws IOException, InterruptedException {
		String boundary = "----nasty" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofSeconds(120))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
