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
 * Certificates for the scripted server, made once per JVM with the JDK's keytool: a self-signed certificate for
 * {@code localhost} and {@code 127.0.0.1}, and a client context that trusts exactly it.
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
	 * A server context with a self-signed certificate for the names, e.g. {@code "dns:other.example"}.
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
	 * A client context that trusts the certificate made for these names, and nothing else.
	 */
	public static synchronized SSLContext clientContext(String names) {
		try {
			Certificate certificate = serverKeys(names).getCertificate("server");
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
	 * A server context whose certificate expired yesterday (trusted by {@link #clientContext(String)} with
	 * {@code "expired:" + names}).
	 */
	public static SSLContext expiredServerContext(String names) {
		return serverContext("expired:" + names);
	}

	private static KeyStore serverKeys(String key) throws Exception {
		boolean expired = key.startsWith("expired:");
		String names = expired ? key.substring("expired:".length()) : key;
		KeyStore cached = KEY_STORES.get(key);
		if (cached == null) {
			Path dir = Files.createTempDirectory("smtpclient-test-certs");
			Path store = dir.resolve("server.p12");
			String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
			List<String> validity = expired ? List.of("-startdate", "-3d", "-validity", "1")
					: List.of("-validity", "3650");
			java.util.List<String> command = new java.util.ArrayList<>(List.of(keytool, "-genkeypair", "-alias", "server",
					"-keyalg", "RSA", "-keysize", "2048"));
			command.addAll(validity);
			command.addAll(List.of("-dname", "CN=" + names.split(",")[0].substring(names.indexOf(':') + 1), "-ext", "SAN=" + names, "-keystore",
					store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
			run(command);
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(store)) {
				keyStore.load(in, PASSWORD);
			}
			KEY_STORES.put(key, keyStore);
			cached = keyStore;
		}
		return cached;
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("keytool failed: " + output);
		}
	}

}
