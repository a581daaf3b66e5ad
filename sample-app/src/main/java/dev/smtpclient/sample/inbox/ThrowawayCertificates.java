package dev.smtpclient.sample.inbox;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made up at start-up, and a server certificate it signed for
 * {@code localhost} (also 127.0.0.1 and ::1), so that the embedded server can offer
 * STARTTLS and the client can verify it fully: the chain to a trusted CA and the host
 * name. The CA's private key is dropped once the server certificate is signed and nothing
 * is written to disk: a new run has a new CA that nothing else trusts.
 */
public final class ThrowawayCertificates {

	static final String HOST_NAME = "localhost";

	private static final Duration VALIDITY = Duration.ofDays(30);

	private static final char[] NO_PASSWORD = new char[0];

	private final X509Certificate caCertificate;

	private final X509Certificate serverCertificate;

	private final KeyPair serverKeys;

	private ThrowawayCertificates(X509Certificate caCertificate, X509Certificate serverCertificate,
			KeyPair serverKeys) {
		this.caCertificate = caCertificate;
		this.serverCertificate = serverCertificate;
		this.serverKeys = serverKeys;
	}

	/**
	 * Makes a new CA and a server certificate for {@code localhost}.
	 * @return the certificates
	 */
	public static ThrowawayCertificates generate() {
		try {
			SecureRandom random = new SecureRandom();
			Instant now = Instant.now();
			Date notBefore = Date.from(now.minus(Duration.ofHours(1)));
			Date notAfter = Date.from(now.plus(VALIDITY));
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

			KeyPair caKeys = keyPair(random);
			X500Name caName = new X500Name("CN=smtpclient sample throw-away CA " + now.getEpochSecond());
			X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(random), notBefore, notAfter,
					caName, caKeys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
			X509Certificate caCertificate = sign(ca, caKeys);

			KeyPair serverKeys = keyPair(random);
			X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caCertificate, serial(random), notBefore,
					notAfter, new X500Name("CN=" + HOST_NAME), serverKeys.getPublic())
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
				.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
				.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, HOST_NAME),
								new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
								new GeneralName(GeneralName.iPAddress, "::1") }))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(caCertificate))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(serverKeys.getPublic()));
			return new ThrowawayCertificates(caCertificate, sign(server, caKeys), serverKeys);
		}
		catch (GeneralSecurityException | OperatorCreationException | CertIOException ex) {
			throw new IllegalStateException("could not make the embedded server's certificates", ex);
		}
	}

	public X509Certificate caCertificate() {
		return this.caCertificate;
	}

	public X509Certificate serverCertificate() {
		return this.serverCertificate;
	}

	/**
	 * The CA certificate in PEM, for clients outside the application (a mail client, the
	 * command-line mailer's {@code --ca}).
	 * @return the PEM text
	 */
	public String caCertificatePem() {
		try {
			return "-----BEGIN CERTIFICATE-----\n"
					+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(this.caCertificate.getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A trust store holding only the CA, for the client.
	 * @return the trust store
	 */
	public KeyStore trustStore() {
		try {
			KeyStore store = emptyStore();
			store.setCertificateEntry("ca", this.caCertificate);
			return store;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A TLS context for the server side: the server certificate, its chain and its key.
	 * @return the context
	 */
	public SSLContext serverContext() {
		try {
			KeyStore store = emptyStore();
			store.setKeyEntry("server", this.serverKeys.getPrivate(), NO_PASSWORD,
					new Certificate[] { this.serverCertificate, this.caCertificate });
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(store, NO_PASSWORD);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), null, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore emptyStore() throws GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try {
			store.load(null, null);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return store;
	}

	private static KeyPair keyPair(SecureRandom random) throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), random);
		return generator.generateKeyPair();
	}

	private static BigInteger serial(SecureRandom random) {
		return new BigInteger(64, random).add(BigInteger.ONE);
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
	}

}
