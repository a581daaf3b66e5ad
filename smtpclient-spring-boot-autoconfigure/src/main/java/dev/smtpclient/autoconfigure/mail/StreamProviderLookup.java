package dev.smtpclient.autoconfigure.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.util.StreamProvider;
import org.jspecify.annotations.Nullable;

/**
 * Answers Jakarta Mail's {@code StreamProvider} look-up from memory while a message is
 * written. Jakarta Mail 2.1 looks the provider up with a {@code ServiceLoader} scan of
 * the whole class path every time a part is encoded, which was most of the CPU this
 * sender spent on a small message. The context class loader of the writing thread is
 * wrapped in one that hands the {@code ServiceLoader} the provider found once, and
 * delegates everything else.
 */
final class StreamProviderLookup {

	private static final String SERVICE = "META-INF/services/" + StreamProvider.class.getName();

	private final byte[] service;

	private volatile @Nullable CachingClassLoader last;

	private StreamProviderLookup(String providerClassName) {
		this.service = (providerClassName + "\n").getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Finds the provider once, as Jakarta Mail would.
	 * @return the look-up
	 */
	static StreamProviderLookup create() {
		return new StreamProviderLookup(StreamProvider.provider().getClass().getName());
	}

	/**
	 * Runs the action with the cached look-up in place.
	 * @param action what writes messages
	 * @return the action's result
	 * @throws MessagingException when the action does
	 * @throws IOException when the action does
	 */
	<T> T run(Action<T> action) throws MessagingException, IOException {
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		if (original == null || original instanceof CachingClassLoader) {
			// none to wrap, or already in place (a message written while it is converted)
			return action.run();
		}
		thread.setContextClassLoader(loaderFor(original));
		try {
			return action.run();
		}
		finally {
			thread.setContextClassLoader(original);
		}
	}

	private ClassLoader loaderFor(ClassLoader original) {
		CachingClassLoader last = this.last;
		if (last == null || last.getParent() != original) {
			last = new CachingClassLoader(original, this.service);
			this.last = last;
		}
		return last;
	}

	@FunctionalInterface
	interface Action<T> {

		T run() throws MessagingException, IOException;

	}

	private static final class CachingClassLoader extends ClassLoader {

		private final URL service;

		CachingClassLoader(ClassLoader parent, byte[] service) {
			super(parent);
			try {
				this.service = new URL(null, "smtpclient-cached:" + SERVICE, new URLStreamHandler() {
					@Override
					protected URLConnection openConnection(URL url) {
						return new URLConnection(url) {
							@Override
							public void connect() {
							}

							@Override
							public InputStream getInputStream() {
								return new ByteArrayInputStream(service);
							}
						};
					}
				});
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public Enumeration<URL> getResources(String name) throws IOException {
			return SERVICE.equals(name) ? Collections.enumeration(List.of(this.service)) : super.getResources(name);
		}

	}

}
