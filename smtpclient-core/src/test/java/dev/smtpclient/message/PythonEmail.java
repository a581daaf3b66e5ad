package dev.smtpclient.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Parses a message with Python's email package (strict default policy) through
 * {@code src/test/resources/dev/smtpclient/message/parse_email.py}, run by
 * {@code /usr/bin/python3} explicitly. Where it is missing the test is skipped locally
 * and fails in CI ({@code SMTP_TEST_REQUIRE_SERVERS=true}).
 */
final class PythonEmail {

	static final Path PYTHON = Path.of("/usr/bin/python3");

	private static Path script;

	private PythonEmail() {
	}

	static void requirePython() {
		if (!Files.isExecutable(PYTHON)) {
			String message = PYTHON + " is missing: the Python parser checks cannot run";
			if ("true".equalsIgnoreCase(System.getenv("SMTP_TEST_REQUIRE_SERVERS"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
	}

	/**
	 * Copies a resource script to a temporary file, once.
	 */
	static synchronized Path script(String name) throws IOException {
		Path file = Files.createTempFile("smtpclient-", "-" + name);
		file.toFile().deleteOnExit();
		try (InputStream in = PythonEmail.class.getResourceAsStream(name)) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		return file;
	}

	/**
	 * Runs a Python script with the data on its standard input.
	 * @return standard output
	 */
	static String run(Path script, byte[] input, String... args) throws Exception {
		requirePython();
		List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
		try (OutputStream in = process.getOutputStream()) {
			in.write(input);
		}
		byte[] out = process.getInputStream().readAllBytes();
		byte[] err = process.getErrorStream().readAllBytes();
		if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new AssertionError("python failed: " + new String(err, StandardCharsets.UTF_8));
		}
		return new String(out, StandardCharsets.UTF_8);
	}

	@SuppressWarnings("unchecked")
	static ParsedMessage parse(byte[] message) throws Exception {
		synchronized (PythonEmail.class) {
			if (script == null) {
				script = script("parse_email.py");
			}
		}
		Map<String, Object> json = (Map<String, Object>) Json.parse(run(script, message));
		List<ParsedMessage.Part> parts = new ArrayList<>();
		for (Object item : (List<Object>) json.get("parts")) {
			Map<String, Object> part = (Map<String, Object>) item;
			parts.add(new ParsedMessage.Part((String) part.get("type"), (String) part.get("disposition"),
					(String) part.get("filename"), (String) part.get("contentId"),
					Base64.getDecoder().decode((String) part.get("data"))));
		}
		List<String> headers = new ArrayList<>();
		for (Object item : (List<Object>) json.get("headers")) {
			List<Object> header = (List<Object>) item;
			headers.add(header.get(0) + ": " + header.get(1));
		}
		return new ParsedMessage("python", (List<String>) (List<?>) json.get("defects"), addresses(json.get("from")),
				addresses(json.get("to")), addresses(json.get("cc")), addresses(json.get("bcc")),
				(String) json.get("subject"), headers, parts);
	}

	@SuppressWarnings("unchecked")
	private static List<String> addresses(Object list) {
		List<String> out = new ArrayList<>();
		if (list != null) {
			for (Object item : (List<Object>) list) {
				Map<String, Object> address = (Map<String, Object>) item;
				out.add(ParsedMessage.mailbox((String) address.get("name"), (String) address.get("address")));
			}
		}
		return out;
	}

}
