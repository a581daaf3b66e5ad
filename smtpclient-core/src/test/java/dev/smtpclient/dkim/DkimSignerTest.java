package dev.smtpclient.dkim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.MessageContent;
import dev.smtpclient.internal.protocol.DataEncoder;
import dev.smtpclient.message.ComposedMessage;
import dev.smtpclient.message.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * DKIM signatures checked by an independent verifier, dkimpy (Debian's python3-dkim, with
 * python3-nacl for Ed25519), given the key record through a custom DNS function.
 */
class DkimSignerTest {

	private static final Path PYTHON = Path.of("/usr/bin/python3");

	private static KeyPair rsa;

	private static KeyPair ed25519;

	@BeforeAll
	static void keys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		rsa = generator.generateKeyPair();
		ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
	}

	@Test
	void rsaSignatureOfAComposedMessageVerifies(@TempDir Path dir) throws Exception {
		ComposedMessage message = richMessage(dir);
		DkimSigner signer = DkimSigner.builder("example.com", "mail", pemRoundTrip(rsa.getPrivate())).build();
		byte[] signed = wire(signer.sign(message.content()));
		assertThat(new String(signed, StandardCharsets.US_ASCII)).startsWith("DKIM-Signature: v=1; a=rsa-sha256;");
		assertThat(verify(signed, DkimKeys.dnsRecord(rsa.getPublic()))).isEqualTo("pass");
		assertThat(verify(tamperBody(signed), DkimKeys.dnsRecord(rsa.getPublic()))).isEqualTo("fail");
	}

	@Test
	void ed25519SignatureVerifies(@TempDir Path dir) throws Exception {
		ComposedMessage message = richMessage(dir);
		DkimSigner signer = DkimSigner.builder("example.com", "ed", pemRoundTrip(ed25519.getPrivate())).build();
		byte[] signed = wire(signer.sign(message.content()));
		assertThat(new String(signed, StandardCharsets.US_ASCII)).contains("a=ed25519-sha256;");
		assertThat(verify(signed, DkimKeys.dnsRecord(ed25519.getPublic()))).isEqualTo("pass");
		assertThat(verify(tamperBody(signed), DkimKeys.dnsRecord(ed25519.getPublic()))).isEqualTo("fail");
	}

	@Test
	void rawContentWithLfEndingsAndOddWhitespaceVerifiesAsTheEngineSendsIt() throws Exception {
		MessageContent content = MessageContent.ofString("From: a@example.com\nTo:   b@example.com\nSubject: "
				+ "folded\n\tsubject  with   spaces \nX-Other: x\n\nbody line  \n\t indented\ttabs \n.dot line\n\n\n\n");
		DkimSigner signer = DkimSigner.builder("example.com", "mail", rsa.getPrivate())
			.signedHeaders(List.of("From", "To", "Subject", "Reply-To"))
			.build();
		byte[] signed = wire(signer.sign(content));
		assertThat(new String(signed, StandardCharsets.US_ASCII))
			.contains("h=from:from:to:to:subject:subject:reply-to;");
		assertThat(verify(signed, DkimKeys.dnsRecord(rsa.getPublic()))).isEqualTo("pass");
		byte[] changedHeader = new String(signed, StandardCharsets.US_ASCII).replace("To:   b@", "To:   c@")
			.getBytes(StandardCharsets.US_ASCII);
		assertThat(verify(changedHeader, DkimKeys.dnsRecord(rsa.getPublic()))).isEqualTo("fail");
	}

	@Test
	void listUnsubscribeIsSignedAndFromAddedAfterSigningBreaksTheSignature() throws Exception {
		MessageContent content = MessageContent.ofString("From: a@example.com\r\nTo: b@example.com\r\n"
				+ "Subject: offer\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\n"
				+ "List-Unsubscribe: <https://example.com/u?t=1>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
				+ "\r\nbody\r\n");
		DkimSigner signer = DkimSigner.builder("example.com", "mail", rsa.getPrivate()).build();
		String signed = new String(wire(signer.sign(content)), StandardCharsets.US_ASCII);
		String record = DkimKeys.dnsRecord(rsa.getPublic());
		String h = signed.substring(signed.indexOf(" h=") + 3, signed.indexOf(';', signed.indexOf(" h=")))
			.replaceAll("\\s", "");
		assertThat(h.split(":")).contains("list-unsubscribe", "list-unsubscribe-post");
		// one more than present: RFC 6376 8.15
		assertThat(h.split(":")).filteredOn("from"::equals).hasSize(2);
		assertThat(h.split(":")).filteredOn("subject"::equals).hasSize(2);
		assertThat(h.split(":")).filteredOn("cc"::equals).hasSize(1);
		assertThat(verify(signed.getBytes(StandardCharsets.US_ASCII), record)).isEqualTo("pass");
		// a second From above the signed one is what a reader shows; the signature must
		// no longer verify
		for (String added : List.of("From: boss@example.com\r\n", "Subject: changed\r\n", "Cc: x@example.com\r\n",
				"Message-ID: <2@example.com>\r\n", "To: c@example.com\r\n",
				"Date: Tue, 1 Dec 2026 10:00:00 +0000\r\n")) {
			String top = added + signed;
			String afterSignature = signed.replace("\r\nFrom: a@example.com", "\r\n" + added + "From: a@example.com");
			String bottom = signed.replace("\r\n\r\nbody", "\r\n" + added + "\r\nbody");
			for (String tampered : List.of(top, afterSignature, bottom)) {
				assertThat(verify(tampered.getBytes(StandardCharsets.US_ASCII), record)).as(tampered).isEqualTo("fail");
			}
		}
	}

	@Test
	void pkcs1RsaKeyFromPem() throws Exception {
		// the PKCS #1 RSAPrivateKey is the OCTET STRING at the end of the PKCS #8
		// encoding
		byte[] pkcs8 = rsa.getPrivate().getEncoded();
		int start = pkcs8.length;
		for (int i = 22; i < pkcs8.length; i++) {
			if (pkcs8[i] == 0x04 && (pkcs8[i + 1] & 0xff) == 0x82) {
				start = i + 4;
				break;
			}
		}
		byte[] pkcs1 = java.util.Arrays.copyOfRange(pkcs8, start, pkcs8.length);
		String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
				+ "\n-----END RSA PRIVATE KEY-----\n";
		PrivateKey key = DkimKeys.privateKeyFromPem(pem);
		assertThat(key.getEncoded()).isEqualTo(pkcs8);
	}

	@Test
	void badInputIsRefused() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> DkimSigner.builder("exa\r\nmple.com", "s", rsa.getPrivate()));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> DkimSigner.builder("example.com", "s", rsa.getPrivate()).signedHeaders(List.of("To")));
		assertThatIllegalArgumentException().isThrownBy(() -> DkimKeys.privateKeyFromPem("nothing"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> DkimSigner.builder("example.com", "s", rsa.getPrivate())
				.build()
				.sign(MessageContent.ofString("Subject: no from\r\n\r\nbody\r\n")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("content"))
			.withMessageContaining("From");
	}

	private static ComposedMessage richMessage(Path dir) throws IOException {
		Path file = Files.write(dir.resolve("data.bin"), new byte[300_000]);
		Message message = new Message("J\u00fcrgen <sender@example.com>", "Signed \u2013 sign\u00e9");
		message.addTo("Someone <to@example.com>").addCc("cc@example.com");
		message.setBody("Text with trailing space   \nand \u00fcmlauts\n\n\n");
		message.setHtml("<p>html</p>\n");
		message.attach(file);
		message.addHeader("Reply-To", "reply@example.com");
		return message.snapshot();
	}

	private static PrivateKey pemRoundTrip(PrivateKey key) {
		String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";
		return DkimKeys.privateKeyFromPem(pem);
	}

	/**
	 * The content as the server receives it: through the engine's data encoder (CRLF,
	 * dot-stuffing), then un-stuffed without the final ".".
	 */
	private static byte[] wire(MessageContent content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DataEncoder encoder = new DataEncoder(out);
		content.writeTo(encoder);
		encoder.finish();
		String data = out.toString(StandardCharsets.ISO_8859_1);
		data = data.substring(0, data.length() - 3).replace("\r\n..", "\r\n.");
		return data.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] tamperBody(byte[] signed) {
		byte[] copy = signed.clone();
		int body = new String(copy, StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
		int i = body + (copy.length - body) / 2;
		while (copy[i] == '\r' || copy[i] == '\n' || copy[i] == ' ') {
			i++;
		}
		copy[i] = (byte) (copy[i] == 'A' ? 'B' : 'A');
		return copy;
	}

	private static String verify(byte[] message, String record) throws Exception {
		if (!Files.isExecutable(PYTHON)) {
			if ("true".equalsIgnoreCase(System.getenv("SMTP_TEST_REQUIRE_SERVERS"))) {
				throw new IllegalStateException(PYTHON + " is missing");
			}
			org.junit.jupiter.api.Assumptions.abort(PYTHON + " is missing: dkimpy cannot verify");
		}
		Path script = Files.createTempFile("smtpclient-", "-dkim_verify.py");
		try (InputStream in = DkimSignerTest.class.getResourceAsStream("dkim_verify.py")) {
			Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
		}
		try {
			Process process = new ProcessBuilder(PYTHON.toString(), script.toString(), record).start();
			try (OutputStream in = process.getOutputStream()) {
				in.write(message);
			}
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(err).isZero();
			return out;
		}
		finally {
			Files.delete(script);
		}
	}

}
