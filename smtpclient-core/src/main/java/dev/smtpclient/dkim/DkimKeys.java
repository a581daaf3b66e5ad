package dev.smtpclient.dkim;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * Keys for DKIM: private keys from PEM, and the DNS record for a public key.
 */
public final class DkimKeys {

	/** The DER of AlgorithmIdentifier rsaEncryption with NULL parameters. */
	private static final byte[] RSA_ALGORITHM = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
			(byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

	/**
	 * An Ed25519 SubjectPublicKeyInfo is this 12-octet prefix and the 32-octet raw key.
	 */
	private static final int ED25519_SPKI_PREFIX = 12;

	private DkimKeys() {
	}

	/**
	 * Reads a private key from PEM: PKCS #8 ({@code BEGIN PRIVATE KEY}, RSA or Ed25519)
	 * or PKCS #1 ({@code BEGIN RSA PRIVATE KEY}). Encrypted keys are not supported.
	 * @param pem the PEM text
	 * @return the key
	 * @throws IllegalArgumentException if the text is not such a key
	 */
	public static PrivateKey privateKeyFromPem(String pem) {
		boolean pkcs1 = pem.contains("-----BEGIN RSA PRIVATE KEY-----");
		String marker = pkcs1 ? "RSA PRIVATE KEY" : "PRIVATE KEY";
		int begin = pem.indexOf("-----BEGIN " + marker + "-----");
		int end = pem.indexOf("-----END " + marker + "-----");
		if (begin < 0 || end < begin) {
			throw new IllegalArgumentException("no unencrypted 'BEGIN PRIVATE KEY' or 'BEGIN RSA PRIVATE KEY' block");
		}
		String base64 = pem.substring(begin + ("-----BEGIN " + marker + "-----").length(), end);
		byte[] der = Base64.getMimeDecoder().decode(base64);
		if (pkcs1) {
			der = pkcs8FromPkcs1(der);
		}
		for (String algorithm : new String[] { "RSA", "EdDSA" }) {
			try {
				return KeyFactory.getInstance(algorithm)
					.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw new IllegalArgumentException("the PEM block is neither an RSA nor an Ed25519 private key");
	}

	/**
	 * The TXT record to publish at {@code <selector>._domainkey.<domain>} for a public
	 * key.
	 * @param publicKey an RSA or Ed25519 public key
	 * @return the record, for example {@code v=DKIM1; k=rsa; p=MIIB...}
	 */
	public static String dnsRecord(PublicKey publicKey) {
		byte[] encoded = publicKey.getEncoded();
		if ("RSA".equals(publicKey.getAlgorithm())) {
			return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(encoded);
		}
		byte[] raw = Arrays.copyOfRange(encoded, ED25519_SPKI_PREFIX, encoded.length);
		return "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(raw);
	}

	/**
	 * Wraps an RSAPrivateKey (PKCS #1) in a PrivateKeyInfo (PKCS #8): version 0,
	 * rsaEncryption, the key as an OCTET STRING.
	 */
	private static byte[] pkcs8FromPkcs1(byte[] pkcs1) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(new byte[] { 0x02, 0x01, 0x00 });
		body.writeBytes(RSA_ALGORITHM);
		body.writeBytes(tlv(0x04, pkcs1));
		return tlv(0x30, body.toByteArray());
	}

	private static byte[] tlv(int tag, byte[] value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(tag);
		int length = value.length;
		if (length < 0x80) {
			out.write(length);
		}
		else {
			int octets = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
			out.write(0x80 | octets);
			for (int i = octets - 1; i >= 0; i--) {
				out.write(length >>> (8 * i));
			}
		}
		out.writeBytes(value);
		return out.toByteArray();
	}

}
