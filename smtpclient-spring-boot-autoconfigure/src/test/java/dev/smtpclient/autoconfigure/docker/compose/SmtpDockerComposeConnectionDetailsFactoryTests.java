package dev.smtpclient.autoconfigure.docker.compose;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.TestDockerComposeConnectionSources;

import dev.smtpclient.TlsPolicy;
import dev.smtpclient.autoconfigure.SmtpConnectionDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The Docker Compose factory's mapping, without Docker: the running service is a stand-in
 * that publishes each container port on 40000 plus the port.
 */
class SmtpDockerComposeConnectionDetailsFactoryTests {

	@ParameterizedTest
	@CsvSource({ "axllent/mailpit:latest, 41025", "greenmail/standalone:2.1.3, 43025", "mailhog/mailhog, 41025",
			"docker.io/axllent/mailpit, 41025" })
	void eachKnownImageGivesItsSmtpPort(String image, int publishedPort) {
		SmtpConnectionDetails smtp = smtp(connectionDetails(service(image, Map.of(), 1025, 3025, 8025)));
		assertThat(smtp.getHost()).isEqualTo("docker.example");
		assertThat(smtp.getPort()).isEqualTo(publishedPort);
		assertThat(smtp.getTlsPolicy()).isEqualTo(TlsPolicy.OPPORTUNISTIC);
		assertThat(smtp.getUsername()).isNull();
		assertThat(smtp.getPassword()).isNull();
		assertThat(smtp.getSslBundle()).isNull();
	}

	@Test
	void aCustomImageLabelledAsAKnownOneGetsItsPort() {
		RunningService service = service("example/mail-catcher:1",
				Map.of("org.springframework.boot.service-connection", "greenmail/standalone"), 3025, 8080);
		assertThat(smtp(connectionDetails(service)).getPort()).isEqualTo(43025);
	}

	@Test
	void anUnknownImageIsAnError() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SmtpDockerComposeConnectionDetailsFactory
				.publishedSmtpPort(service("example/mail-catcher:1", Map.of(), 2525)))
			.withMessageContaining("axllent/mailpit");
	}

	@Test
	void otherImagesGetNoSmtpConnection() {
		assertThat(connectionDetails(service("redis:7", Map.of(), 6379)))
			.doesNotContainKey(SmtpConnectionDetails.class);
	}

	private static SmtpConnectionDetails smtp(Map<Class<?>, ConnectionDetails> details) {
		assertThat(details).containsKey(SmtpConnectionDetails.class);
		return (SmtpConnectionDetails) details.get(SmtpConnectionDetails.class);
	}

	private static Map<Class<?>, ConnectionDetails> connectionDetails(RunningService service) {
		return new ConnectionDetailsFactories(null).getConnectionDetails(TestDockerComposeConnectionSources.of(service),
				false);
	}

	private static RunningService service(String image, Map<String, String> labels, Integer... containerPorts) {
		List<Integer> ports = List.of(containerPorts);
		return new RunningService() {

			@Override
			public String name() {
				return "mail";
			}

			@Override
			public ImageReference image() {
				return ImageReference.of(image);
			}

			@Override
			public String host() {
				return "docker.example";
			}

			@Override
			public ConnectionPorts ports() {
				return new ConnectionPorts() {

					@Override
					public int get(int containerPort) {
						if (!ports.contains(containerPort)) {
							throw new IllegalStateException("No host port for container port " + containerPort);
						}
						return 40000 + containerPort;
					}

					@Override
					public List<Integer> getAll() {
						return ports.stream().map((port) -> 40000 + port).toList();
					}

					@Override
					public List<Integer> getAll(String protocol) {
						return getAll();
					}

				};
			}

			@Override
			public Map<String, @Nullable String> env() {
				return Map.of();
			}

			@Override
			public Map<String, String> labels() {
				return labels;
			}

		};
	}

}
