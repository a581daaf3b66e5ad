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

	private static KeyStore serverKeys;

	private TestCertificates() {
	}

	/**
	 * A server context with a certificate for the given names, e.g. {@code "dns:localhost,ip:127.0.0.1"}.
	 */
	public static synchronized SSLContext serverContext() {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(serverKeys(), PASSWORD);
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
	public static synchronized SSLContext clientContext() {
		try {
			Certificate certificate = serverKeys().getCertificate("server");
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

	private static KeyStore serverKeys() throws Exception {
		if (serverKeys == null) {
			Path dir = Files.createTempDirectory("smtpclient-test-certs");
			Path store = dir.resolve("server.p12");
			String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
			run(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity",
					"3650", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore",
					store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(store)) {
				keyStore.load(in, PASSWORD);
			}
			serverKeys = keyStore;
		}
		return serverKeys;
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("keytool failed: " + output);
		}
	}

}
