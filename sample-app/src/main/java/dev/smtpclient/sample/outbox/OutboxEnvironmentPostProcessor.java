package dev.smtpclient.sample.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code sample.outbox=true}, sends the page's messages through the durable outbox:
 * turns on {@code smtp.outbox.enabled} with its table created at startup, on an H2 file
 * database in the working directory unless {@code spring.datasource.url} names another
 * (PostgreSQL, for example). Without it, the app has no database at all. Every default
 * here is the lowest-priority property, so the application's own settings win.
 */
public class OutboxEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String ENABLED = "sample.outbox";

	static final String DEFAULT_URL = "jdbc:h2:file:./sample-outbox";

	private static final String DATA_SOURCE_AUTO_CONFIGURATION = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		boolean ownDatabase = environment.containsProperty("spring.datasource.url");
		if (environment.getProperty(ENABLED, Boolean.class, false)) {
			defaults.put("smtp.outbox.enabled", "true");
			defaults.put("smtp.outbox.initialize-schema", "true");
			// the page follows each message: a short poll shows the states as they move
			defaults.put("smtp.outbox.poll-interval", "200ms");
			if (!ownDatabase) {
				defaults.put("spring.datasource.url", DEFAULT_URL);
				defaults.put("spring.datasource.username", "sa");
			}
		}
		else if (!ownDatabase) {
			// the H2 driver is on the class path for the outbox: no in-memory database
			// otherwise
			defaults.put("spring.autoconfigure.exclude", DATA_SOURCE_AUTO_CONFIGURATION);
		}
		environment.getPropertySources().addLast(new MapPropertySource("sampleOutbox", defaults));
	}

}
