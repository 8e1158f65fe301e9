package org.ringfence.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for the running application: HTTP Basic as a script would use it, and JSON
 * read back as a tree.
 */
public final class Api {

	public static final String PASSWORD = "demo-password";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	public Response get(String user, String path) {
		return send(user, HttpRequest.newBuilder(uri(path)).GET());
	}

	public Response post(String user, String path, String contentType, byte[] body) {
		return send(user,
				HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** The bytes of a GET answered 200 (a PDF, a workbook); fails otherwise. */
	public byte[] download(String user, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<byte[]> response = this.client.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new AssertionError("GET " + path + " as " + user + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response put(String user, String path, String json) {
		return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response send(String user, String password, HttpRequest.Builder request) {
		if (user != null) {
			String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + token);
		}
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Response send(String user, HttpRequest.Builder request) {
		return send(user, PASSWORD, request);
	}

	public URI uri(String path) {
		return URI.create(this.base + path);
	}

	public static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

}
