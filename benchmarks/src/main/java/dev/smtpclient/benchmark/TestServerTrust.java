package dev.smtpclient.benchmark;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust in the test servers' own CA, from the trust store their properties name, so the
 * benchmarks verify certificates as a production client does.
 */
final class TestServerTrust {

	private TestServerTrust() {
	}

	static SSLContext sslContext(Properties servers) throws Exception {
		KeyStore trust = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(Path.of(servers.getProperty("truststore")))) {
			trust.load(in, servers.getProperty("truststore.password").toCharArray());
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trust);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, factory.getTrustManagers(), null);
		return context;
	}

}
