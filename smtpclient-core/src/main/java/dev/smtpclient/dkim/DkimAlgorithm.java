package dev.smtpclient.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * The signing algorithms: RSA-SHA256 (RFC 6376) and Ed25519-SHA256 (RFC 8463).
 */
public enum DkimAlgorithm {

	/** {@code a=rsa-sha256}: PKCS #1 v1.5 over the header data. */
	RSA_SHA256("rsa-sha256"),

	/** {@code a=ed25519-sha256}: PureEdDSA over the SHA-256 hash of the header data. */
	ED25519_SHA256("ed25519-sha256");

	private final String tag;

	DkimAlgorithm(String tag) {
		this.tag = tag;
	}

	/**
	 * The value of the {@code a=} tag.
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * The algorithm that fits a key.
	 * @param key an RSA or Ed25519 private key
	 * @return the algorithm
	 * @throws IllegalArgumentException for any other key
	 */
	public static DkimAlgorithm forKey(PrivateKey key) {
		String algorithm = key.getAlgorithm();
		if ("RSA".equals(algorithm)) {
			return RSA_SHA256;
		}
		if ("EdDSA".equals(algorithm) || "Ed25519".equals(algorithm)) {
			return ED25519_SHA256;
		}
		throw new IllegalArgumentException("DKIM needs an RSA or Ed25519 key, not " + algorithm);
	}

	byte[] sign(PrivateKey key, byte[] headerData) throws GeneralSecurityException {
		if (this == RSA_SHA256) {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initSign(key);
			rsa.update(headerData);
			return rsa.sign();
		}
		Signature ed25519 = Signature.getInstance("Ed25519");
		ed25519.initSign(key);
		ed25519.update(MessageDigest.getInstance("SHA-256").digest(headerData));
		return ed25519.sign();
	}

}
