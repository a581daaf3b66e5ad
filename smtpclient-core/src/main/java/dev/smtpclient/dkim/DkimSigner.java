package dev.smtpclient.dkim;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import dev.smtpclient.InvalidInputException;
import dev.smtpclient.MessageContent;

/**
 * Signs messages with DKIM (RFC 6376): RSA-SHA256 or Ed25519-SHA256 (RFC 8463),
 * relaxed/relaxed canonicalisation. Immutable and thread-safe.
 *
 * <pre class="code">
 * DkimSigner signer = DkimSigner.builder("example.com", "mail", DkimKeys.privateKeyFromPem(pem)).build();
 * connection.send(message.envelope(), signer.sign(message.content()));
 * </pre>
 *
 * <strong>Two passes, no buffer.</strong> {@link #sign(MessageContent)} writes the
 * content once into a digester that keeps only the header section and the running hash of
 * the canonical body, then signs; the signed content writes the DKIM-Signature field
 * followed by a second writing of the same content. This relies on the
 * {@link MessageContent} contract that every writing gives the same bytes (a
 * {@code ComposedMessage} fixes its Date, Message-ID and boundaries; attached files must
 * not change in between). Memory use does not grow with the message: a 100 MB message is
 * read twice, never held.
 */
public final class DkimSigner {

	/**
	 * Signed when present, each instance. The list-unsubscribe fields are signed because
	 * the large mailbox providers honour one-click unsubscription only under a signature
	 * that covers them (RFC 8058 4).
	 */
	public static final List<String> DEFAULT_HEADERS = List.of("from", "reply-to", "sender", "subject", "date",
			"message-id", "to", "cc", "mime-version", "content-type", "content-transfer-encoding", "in-reply-to",
			"references", "list-unsubscribe", "list-unsubscribe-post");

	/**
	 * Signed once more than they occur (RFC 6376 8.15), so that an added instance, which
	 * a reader may show instead of the signed one, breaks the signature.
	 */
	public static final List<String> DEFAULT_OVERSIGNED_HEADERS = List.of("from", "subject", "to", "cc", "date",
			"message-id");

	private static final Pattern DOMAIN = Pattern
		.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?" + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

	private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+");

	private static final int B_CHUNK = 72;

	private final String domain;

	private final String selector;

	private final PrivateKey key;

	private final DkimAlgorithm algorithm;

	private final List<String> headers;

	private final boolean explicitHeaders;

	private final List<String> oversigned;

	private final Clock clock;

	private DkimSigner(Builder builder) {
		this.domain = builder.domain;
		this.selector = builder.selector;
		this.key = builder.key;
		this.algorithm = DkimAlgorithm.forKey(builder.key);
		this.headers = builder.headers;
		this.explicitHeaders = builder.explicitHeaders;
		this.oversigned = builder.oversigned;
		this.clock = builder.clock;
	}

	/**
	 * A builder.
	 * @param domain the signing domain ({@code d=})
	 * @param selector the selector ({@code s=}): the key is published at
	 * {@code <selector>._domainkey.<domain>}
	 * @param key an RSA (at least 1024 bits) or Ed25519 private key
	 * @return the builder
	 */
	public static Builder builder(String domain, String selector, PrivateKey key) {
		return new Builder(domain, selector, key);
	}

	/**
	 * Signs content: the result writes a DKIM-Signature field followed by the content.
	 * @param content the message; must write the same bytes every time
	 * @return the signed content
	 * @throws IOException if the content cannot be written
	 * @throws InvalidInputException if the message has no From field
	 */
	public MessageContent sign(MessageContent content) throws IOException {
		MessageDigester digester = new MessageDigester();
		content.writeTo(digester);
		byte[] bodyHash = digester.bodyHash();
		HeaderCanonicalizer fields = new HeaderCanonicalizer(digester.headers());
		if (fields.count("from") == 0) {
			throw new InvalidInputException("content", "the message has no From field, which DKIM must sign");
		}
		List<String> signed = new ArrayList<>();
		for (String name : this.headers) {
			int count = fields.count(name);
			int instances = this.oversigned.contains(name) ? count + 1 : Math.max(count, this.explicitHeaders ? 1 : 0);
			for (int i = 0; i < instances; i++) {
				signed.add(name);
			}
		}
		String unsigned = "DKIM-Signature: v=1; a=" + this.algorithm.tag() + "; c=relaxed/relaxed;\r\n d=" + this.domain
				+ "; s=" + this.selector + "; t=" + this.clock.instant().getEpochSecond() + ";\r\n"
				+ fold("h=" + String.join(":", signed) + ";") + "\r\n bh="
				+ Base64.getEncoder().encodeToString(bodyHash) + ";\r\n b=";
		byte[] headerData = fields.signedData(signed);
		byte[] signatureField = (HeaderCanonicalizer.relaxed(unsigned)).getBytes(StandardCharsets.US_ASCII);
		byte[] data = new byte[headerData.length + signatureField.length];
		System.arraycopy(headerData, 0, data, 0, headerData.length);
		System.arraycopy(signatureField, 0, data, headerData.length, signatureField.length);
		String signature;
		try {
			signature = Base64.getEncoder().encodeToString(this.algorithm.sign(this.key, data));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("signing failed: " + ex.getMessage(), ex);
		}
		StringBuilder field = new StringBuilder(unsigned);
		for (int i = 0; i < signature.length(); i += B_CHUNK) {
			if (i > 0) {
				field.append("\r\n ");
			}
			field.append(signature, i, Math.min(signature.length(), i + B_CHUNK));
		}
		field.append("\r\n");
		return new SignedContent(field.toString().getBytes(StandardCharsets.US_ASCII), content);
	}

	/**
	 * Folds the h= tag at its colons so that no line passes 78 characters.
	 */
	private static String fold(String tag) {
		StringBuilder out = new StringBuilder(" ");
		int lineLength = 1;
		for (String part : tag.split("(?<=:)")) {
			if (lineLength + part.length() > 77) {
				out.append("\r\n ");
				lineLength = 1;
			}
			out.append(part);
			lineLength += part.length();
		}
		return out.toString();
	}

	@Override
	public String toString() {
		return "DkimSigner[d=" + this.domain + ", s=" + this.selector + ", a=" + this.algorithm.tag() + "]";
	}

	/**
	 * Builds a {@link DkimSigner}.
	 */
	public static final class Builder {

		private final String domain;

		private final String selector;

		private final PrivateKey key;

		private List<String> headers = DEFAULT_HEADERS;

		private boolean explicitHeaders;

		private List<String> oversigned = DEFAULT_OVERSIGNED_HEADERS;

		private Clock clock = Clock.systemUTC();

		private Builder(String domain, String selector, PrivateKey key) {
			if (domain == null || !DOMAIN.matcher(domain).matches()) {
				throw new InvalidInputException("dkim.domain", "'" + domain + "' is not an ASCII domain name");
			}
			if (selector == null || !DOMAIN.matcher(selector).matches()) {
				throw new InvalidInputException("dkim.selector", "'" + selector + "' is not a valid selector");
			}
			this.domain = domain;
			this.selector = selector;
			this.key = Objects.requireNonNull(key, "key");
			DkimAlgorithm.forKey(key);
		}

		/**
		 * The header fields to sign ({@code h=}), instead of {@link #DEFAULT_HEADERS}.
		 * Each is signed once per instance, and a field that is absent is signed as
		 * absent (so it cannot be added later); the oversigned ones once more.
		 * @param names the field names; must include From
		 * @return this builder
		 */
		public Builder signedHeaders(List<String> names) {
			List<String> lower = headerNames("dkim.signedHeaders", names);
			if (!lower.contains("from")) {
				throw new InvalidInputException("dkim.signedHeaders", "must include From (RFC 6376 5.4)");
			}
			this.headers = List.copyOf(lower);
			this.explicitHeaders = true;
			return this;
		}

		/**
		 * The signed header fields to sign once more than they occur, instead of
		 * {@link #DEFAULT_OVERSIGNED_HEADERS}: an instance added after signing then
		 * breaks the signature. Only names that are also signed take effect; an empty
		 * list turns oversigning off.
		 * @param names the field names
		 * @return this builder
		 */
		public Builder oversignedHeaders(List<String> names) {
			this.oversigned = List.copyOf(headerNames("dkim.oversignedHeaders", names));
			return this;
		}

		/**
		 * The clock for the signature time ({@code t=}).
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		private static List<String> headerNames(String field, List<String> names) {
			List<String> lower = new ArrayList<>();
			for (String name : names) {
				if (name == null || !HEADER_NAME.matcher(name).matches()) {
					throw new InvalidInputException(field, "'" + name + "' is not a header name");
				}
				lower.add(name.toLowerCase(Locale.ROOT));
			}
			return lower;
		}

		public DkimSigner build() {
			return new DkimSigner(this);
		}

	}

	/**
	 * The DKIM-Signature field, then the content.
	 */
	private static final class SignedContent implements MessageContent {

		private final byte[] field;

		private final MessageContent content;

		SignedContent(byte[] field, MessageContent content) {
			this.field = field;
			this.content = content;
		}

		@Override
		public void writeTo(OutputStream out) throws IOException {
			out.write(this.field);
			this.content.writeTo(out);
		}

		@Override
		public OptionalLong size() {
			OptionalLong size = this.content.size();
			return size.isPresent() ? OptionalLong.of(size.getAsLong() + this.field.length) : size;
		}

		@Override
		public boolean isEightBit() {
			return this.content.isEightBit();
		}

		@Override
		public boolean needsSmtpUtf8() {
			return this.content.needsSmtpUtf8();
		}

		@Override
		public void checkSendable() {
			this.content.checkSendable();
		}

	}

}
