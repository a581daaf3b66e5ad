package dev.smtpclient.autoconfigure.mail;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamProviderLookupTests {

	private static final String SERVICE = "META-INF/services/jakarta.mail.util.StreamProvider";

	private final StreamProviderLookup lookup = StreamProviderLookup.create();

	@Test
	void theServiceLoaderFindsTheProviderFromMemory() throws Exception {
		List<URL> services = this.lookup
			.run(() -> Collections.list(Thread.currentThread().getContextClassLoader().getResources(SERVICE)));
		// one answer, not a scan of every jar on the class path
		assertThat(services).singleElement().extracting(URL::getProtocol).isEqualTo("smtpclient-cached");
		StreamProvider provider = this.lookup.run(() -> StreamProvider.provider());
		assertThat(provider).isInstanceOf(MailStreamProvider.class);
		assertThat(this.lookup.run(() -> ServiceLoader.load(StreamProvider.class).findFirst()))
			.containsInstanceOf(MailStreamProvider.class);
	}

	@Test
	void everythingElseIsTheContextClassLoaders() throws Exception {
		ClassLoader original = Thread.currentThread().getContextClassLoader();
		String other = "META-INF/mailcap";
		List<URL> seen = this.lookup
			.run(() -> Collections.list(Thread.currentThread().getContextClassLoader().getResources(other)));
		assertThat(seen).isNotEmpty().isEqualTo(Collections.list(original.getResources(other)));
		assertThat(Thread.currentThread().getContextClassLoader()).as("restored").isSameAs(original);
	}

}
