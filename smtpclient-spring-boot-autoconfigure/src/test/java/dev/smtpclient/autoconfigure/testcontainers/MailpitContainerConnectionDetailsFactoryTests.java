package dev.smtpclient.autoconfigure.testcontainers;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.TestContainerConnectionSources;

import dev.smtpclient.TlsPolicy;
import dev.smtpclient.autoconfigure.SmtpConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Mailpit factory's mapping, without Docker: the container is a stand-in that only answers host and port.
 */
class MailpitContainerConnectionDetailsFactoryTests {

	@Test
	void urlOfTheMappedSmtpPort() {
		assertThat(MailpitContainerConnectionDetailsFactory.url("localhost", 32768, false))
			.hasToString("smtp://localhost:32768");
		assertThat(MailpitContainerConnectionDetailsFactory.url("localhost", 32768, true).tlsPolicy())
			.isEqualTo(TlsPolicy.REQUIRED);
		assertThat(MailpitContainerConnectionDetailsFactory.url("::1", 1025, false)).hasToString("smtp://[::1]:1025");
	}

	@Test
	void registeredFactoryGivesConnectionDetailsForAMailpitContainer() throws Exception {
		ConnectionDetails details = connectionDetails("axllent/mailpit:latest").get(SmtpConnectionDetails.class);
		assertThat(details).isInstanceOf(SmtpConnectionDetails.class);
		((InitializingBean) details).afterPropertiesSet();
		SmtpConnectionDetails smtp = (SmtpConnectionDetails) details;
		assertThat(smtp.getHost()).isEqualTo("docker.example");
		assertThat(smtp.getPort()).isEqualTo(32768);
		assertThat(smtp.getTlsPolicy()).isEqualTo(TlsPolicy.OPPORTUNISTIC);
		assertThat(smtp.getUsername()).isNull();
		assertThat(smtp.getSslBundle()).isNull();
	}

	@Test
	void otherImagesAreNotMailpit() {
		assertThat(connectionDetails("redis:7")).doesNotContainKey(SmtpConnectionDetails.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<Class<?>, ConnectionDetails> connectionDetails(String image) {
		Container<?> container = (Container<?>) Proxy.newProxyInstance(
				MailpitContainerConnectionDetailsFactoryTests.class.getClassLoader(), new Class<?>[] { Container.class },
				(proxy, method, arguments) -> switch (method.getName()) {
					case "getHost" -> "docker.example";
					case "getMappedPort" -> ((Integer) arguments[0] == 1025) ? 32768 : null;
					case "toString" -> "stand-in container";
					case "hashCode" -> 1;
					case "equals" -> proxy == arguments[0];
					default -> throw new UnsupportedOperationException(method.getName());
				});
		ContainerConnectionSource<Container<?>> source = TestContainerConnectionSources
			.of((Class<Container<?>>) (Class<?>) Container.class, image, () -> container);
		return new ConnectionDetailsFactories(null).getConnectionDetails(source, false);
	}

}
