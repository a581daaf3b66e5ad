package dev.smtpclient.autoconfigure.mail;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.activation.CommandInfo;
import jakarta.activation.CommandMap;
import jakarta.activation.DataContentHandler;
import jakarta.activation.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CommandMap} that asks the default one for a MIME type's content handler once
 * and then creates the handlers itself. Every text part Jakarta Mail writes asks for its
 * handler (twice when it also chooses the transfer encoding); the default map answers
 * under a lock held by every thread in the JVM, on top of the lock of
 * {@code CommandMap.getDefaultCommandMap()}, so that senders on many threads queued for
 * them. Each request still gets a new handler, as from the default map.
 */
final class CachingCommandMap extends CommandMap {

	private final CommandMap delegate;

	private final Map<String, Handlers> handlers = new ConcurrentHashMap<>();

	CachingCommandMap(CommandMap delegate) {
		this.delegate = delegate;
	}

	@Override
	public @Nullable DataContentHandler createDataContentHandler(String mimeType) {
		return this.handlers.computeIfAbsent(mimeType.toLowerCase(Locale.ROOT), this::handlersFor).create(mimeType);
	}

	@Override
	public @Nullable DataContentHandler createDataContentHandler(String mimeType, DataSource source) {
		return this.delegate.createDataContentHandler(mimeType, source);
	}

	private Handlers handlersFor(String mimeType) {
		DataContentHandler handler = this.delegate.createDataContentHandler(mimeType);
		if (handler == null) {
			return (type) -> null;
		}
		try {
			Constructor<? extends DataContentHandler> constructor = handler.getClass().getConstructor();
			return (type) -> {
				try {
					return constructor.newInstance();
				}
				catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
					return this.delegate.createDataContentHandler(type);
				}
			};
		}
		catch (NoSuchMethodException ex) {
			return this.delegate::createDataContentHandler;
		}
	}

	@Override
	public CommandInfo[] getPreferredCommands(String mimeType) {
		return this.delegate.getPreferredCommands(mimeType);
	}

	@Override
	public CommandInfo[] getAllCommands(String mimeType) {
		return this.delegate.getAllCommands(mimeType);
	}

	@Override
	public @Nullable CommandInfo getCommand(String mimeType, String cmdName) {
		return this.delegate.getCommand(mimeType, cmdName);
	}

	@Override
	public String[] getMimeTypes() {
		return this.delegate.getMimeTypes();
	}

	@FunctionalInterface
	private interface Handlers {

		@Nullable DataContentHandler create(String mimeType);

	}

}
