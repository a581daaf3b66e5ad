package dev.smtpclient.autoconfigure.testcontainers;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testcontainers.containers.Container;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.boot.testcontainers.service.connection.TestContainerConnectionSources;

import dev.smtpclient.TlsPolicy;
import dev.smtpclient.autoconfigure.SmtpConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The Testcontainers factory's mapping, without Docker: the container is a stand-in that
 * maps each exposed port to 40000 plus the port.
 */
class SmtpContainerConnectionDetailsFactoryTests {

	@ParameterizedTest
	@CsvSource({ "axllent/mailpit:latest, 41025", "greenmail/standalone:2.1.3, 43025",
			"mailhog/mailhog:v1.0.1, 41025" })
	void registeredFactoryGivesTheMappedSmtpPortOfEachImage(String image, int mappedPort) throws Exception {
		ConnectionDetails details = connectionDetails(image, image, List.of(1025, 3025, 8025))
			.get(SmtpConnectionDetails.class);
		assertThat(details).isInstanceOf(SmtpConnectionDetails.class);
		((InitializingBean) details).afterPropertiesSet();
		SmtpConnectionDetails smtp = (SmtpConnectionDetails) details;
		assertThat(smtp.getHost()).isEqualTo("docker.example");
		assertThat(smtp.getPort()).isEqualTo(mappedPort);
		assertThat(smtp.getTlsPolicy()).isEqualTo(TlsPolicy.OPPORTUNISTIC);
		assertThat(smtp.getUsername()).isNull();
		assertThat(smtp.getSslBundle()).isNull();
	}

	@Test
	void aCustomImageNamedAsAKnownOneUsesItsOnlyExposedPort() {
		assertThat(SmtpContainerConnectionDetailsFactory.smtpPort(container("example/catcher:1", List.of(2525))))
			.isEqualTo(2525);
		assertThatIllegalStateException().isThrownBy(() -> SmtpContainerConnectionDetailsFactory
			.smtpPort(container("example/catcher:1", List.of(2525, 8080))));
	}

	@Test
	void otherImagesGetNoSmtpConnection() {
		assertThat(connectionDetails("redis:7", "redis:7", List.of(6379)))
			.doesNotContainKey(SmtpConnectionDetails.class);
	}

	@SuppressWarnings("unchecked")
	private static Map<Class<?>, ConnectionDetails> connectionDetails(String connectionImage, String image,
			List<Integer> exposed) {
		Container<?> container = container(image, exposed);
		ContainerConnectionSource<Container<?>> source = TestContainerConnectionSources
			.of((Class<Container<?>>) (Class<?>) Container.class, connectionImage, () -> container);
		return new ConnectionDetailsFactories(null).getConnectionDetails(source, false);
	}

	private static Container<?> container(String image, List<Integer> exposed) {
		return (Container<?>) Proxy.newProxyInstance(SmtpContainerConnectionDetailsFactoryTests.class.getClassLoader(),
				new Class<?>[] { Container.class }, (proxy, method, arguments) -> switch (method.getName()) {
					case "getHost" -> "docker.example";
					case "getDockerImageName" -> image;
					case "getExposedPorts" -> exposed;
					case "getMappedPort" ->
						exposed.contains((Integer) arguments[0]) ? 40000 + (Integer) arguments[0] : null;
					case "toString" -> "stand-in container";
					case "hashCode" -> 1;
					case "equals" -> proxy == arguments[0];
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

}
