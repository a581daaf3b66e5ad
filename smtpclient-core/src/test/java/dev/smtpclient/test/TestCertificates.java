package dev.smtpclient.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates for the scripted server, made once per JVM with the JDK's keytool: a
 * self-signed certificate for {@code localhost} and {@code 127.0.0.1}, and a client
 * context that trusts exactly it.
 */
public final class TestCertificates {

	private static final char[] PASSWORD = "changeit".toCharArray();

	private static final String DEFAULT_NAMES = "dns:localhost,ip:127.0.0.1";

	private static final java.util.Map<String, KeyStore> KEY_STORES = new java.util.HashMap<>();

	private TestCertificates() {
	}

	/**
	 * A server context with a certificate for localhost and 127.0.0.1.
	 */
	public static SSLContext serverContext() {
		return serverContext(DEFAULT_NAMES);
	}

	/**
	 * A server context with a self-signed certificate for the names, e.g.
	 * {@code "dns:other.example"}.
	 */
	public static synchronized SSLContext serverContext(String names) {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(serverKeys(names), PASSWORD);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return context;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A client context that trusts the scripted server's certificate and nothing else.
	 */
	public static SSLContext clientContext() {
		return clientContext(DEFAULT_NAMES);
	}

	/**
	 * A client context that trusts the certificate made for these names, and nothing
	 * else.
	 */
	public static synchronized SSLContext clientContext(String names) {
		try {
			KeyStore keys = serverKeys(names);
			Certificate certificate = keys.containsAlias("ca") ? keys.getCertificate("ca")
					: keys.getCertificate("server");
			KeyStore trust = KeyStore.getInstance("PKCS12");
			trust.load(null, null);
			trust.setCertificateEntry("server", certificate);
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trust);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, factory.getTrustManagers(), null);
			return context;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A server context whose certificate expired yesterday (trusted by
	 * {@link #clientContext(String)} with {@code "expired:" + names}).
	 */
	public static SSLContext expiredServerContext(String names) {
		return serverContext("expired:" + names);
	}

	/**
	 * Writes the certificate and key made for these names as PEM files (for servers
	 * outside the JVM).
	 * @return the certificate file and the key file
	 */
	public static synchronized Path[] writePem(String names, Path dir) {
		try {
			KeyStore keys = serverKeys(names);
			java.util.Base64.Encoder base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes());
			Path cert = dir.resolve("cert.pem");
			Path key = dir.resolve("key.pem");
			Files.writeString(cert,
					"-----BEGIN CERTIFICATE-----\n" + base64.encodeToString(keys.getCertificate("server").getEncoded())
							+ "\n-----END CERTIFICATE-----\n");
			Files.writeString(key,
					"-----BEGIN PRIVATE KEY-----\n"
							+ base64.encodeToString(keys.getKey("server", PASSWORD).getEncoded())
							+ "\n-----END PRIVATE KEY-----\n");
			return new Path[] { cert, key };
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore serverKeys(String key) throws Exception {
		boolean expired = key.startsWith("expired:");
		String names = expired ? key.substring("expired:".length()) : key;
		KeyStore cached = KEY_STORES.get(key);
		if (cached == null) {
			Path dir = Files.createTempDirectory("smtpclient-test-certs");
			String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
			String commonName = names.split(",")[0].substring(names.indexOf(':') + 1);
			List<String> storeOptions = List.of("-storetype", "PKCS12", "-storepass", "changeit", "-keypass",
					"changeit");
			List<String> serverStore = concat(List.of("-keystore", store(dir, "server")), storeOptions);
			run(concat(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
					"-validity", "3650", "-dname", "CN=" + commonName, "-ext", "SAN=" + names), serverStore));
			if (expired) {
				// a trust anchor's own dates are not checked, so the expired certificate
				// is issued by a valid CA
				List<String> caStore = concat(List.of("-keystore", store(dir, "ca")), storeOptions);
				run(concat(List.of(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
						"-validity", "3650", "-dname", "CN=smtpclient test CA", "-ext", "bc:c"), caStore));
				String csr = dir.resolve("server.csr").toString();
				String crt = dir.resolve("server.crt").toString();
				String caCrt = dir.resolve("ca.crt").toString();
				run(concat(List.of(keytool, "-certreq", "-alias", "server", "-file", csr), serverStore));
				run(concat(List.of(keytool, "-gencert", "-alias", "ca", "-infile", csr, "-outfile", crt, "-startdate",
						"-3d", "-validity", "1", "-ext", "SAN=" + names), caStore));
				run(concat(List.of(keytool, "-exportcert", "-alias", "ca", "-file", caCrt), caStore));
				run(concat(List.of(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", caCrt), serverStore));
				run(concat(List.of(keytool, "-importcert", "-noprompt", "-alias", "server", "-file", crt),
						serverStore));
			}
			Path store = dir.resolve("server.p12");
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(store)) {
				keyStore.load(in, PASSWORD);
			}
			KEY_STORES.put(key, keyStore);
			cached = keyStore;
		}
		return cached;
	}

	private static String store(Path dir, String name) {
		return dir.resolve(name + ".p12").toString();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new java.util.ArrayList<>(first);
		all.addAll(second);
		return all;
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("keytool failed: " + output);
		}
	}

}
