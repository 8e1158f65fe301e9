package org.ringfence.demand;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.ringfence.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Sends files to the demand imports as a script would (multipart field 'files'), and waits for their job. */
final class DemandApi {

	final Api api;

	DemandApi(int port) {
		this.api = new Api(port);
	}

	/** A file to send: its name and bytes. */
	record File(String name, byte[] content) {

		static File of(String name, String text) {
			return new File(name, text.getBytes(StandardCharsets.UTF_8));
		}

	}

	Api.Response submit(String user, String path, List<File> files) {
		String boundary = "demand-it-" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (File file : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + file.name()
					+ "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.api.send(user, Api.PASSWORD, HttpRequest.newBuilder(this.api.uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** Submits as analyst and waits for the job to finish; returns the finished job. */
	JsonNode importAndWait(String path, List<File> files) {
		Api.Response accepted = submit("analyst", path, files);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
		JsonNode body = accepted.json();
		assertThat(body.get("status").asString()).isEqualTo("queued");
		assertThat(body.get("statusUrl").asString()).isEqualTo("/api/v1/imports/" + body.get("jobId").asString());
		return await(body.get("statusUrl").asString());
	}

	JsonNode await(String statusUrl) {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (System.nanoTime() < deadline) {
			Api.Response job = this.api.get("analyst", statusUrl);
			assertThat(job.status()).as(job.body()).isEqualTo(200);
			String status = job.json().get("status").asString();
			if (status.equals("succeeded") || status.equals("failed")) {
				return job.json();
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("The job " + statusUrl + " did not finish in 2 minutes");
	}

	JsonNode get(String user, String path) {
		Api.Response response = this.api.get(user, path);
		assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
		return response.json();
	}

	/** Unmatched rows by reason code, from a report. */
	static Map<String, Long> unmatchedByReason(JsonNode report) {
		Map<String, Long> reasons = new java.util.TreeMap<>();
		report.get("unmatched").get("byReason").forEach(r -> reasons.put(r.get("reason").asString(), r.get("rows").asLong()));
		return reasons;
	}

}
