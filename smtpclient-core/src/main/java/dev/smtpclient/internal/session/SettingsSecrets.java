package dev.smtpclient.internal.session;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.ConnectionSettings;

/**
 * Hands the engine the secrets that {@link ConnectionSettings} holds but keeps off its
 * public API: the settings class installs its reader once, when it is initialised, which
 * happens before any settings object exists.
 */
public final class SettingsSecrets {

	private static volatile @Nullable Reader reader;

	private SettingsSecrets() {
	}

	/**
	 * Installs the reader; called once, by {@link ConnectionSettings}.
	 * @param settingsReader the reader
	 */
	public static void install(Reader settingsReader) {
		if (reader != null) {
			throw new IllegalStateException("the settings reader is installed already");
		}
		reader = settingsReader;
	}

	static @Nullable String password(ConnectionSettings settings) {
		return reader.password(settings);
	}

	static @Nullable Supplier<String> oauth2TokenSupplier(ConnectionSettings settings) {
		return reader.oauth2TokenSupplier(settings);
	}

	/**
	 * Reads the secrets of one settings object.
	 */
	public interface Reader {

		@Nullable String password(ConnectionSettings settings);

		@Nullable Supplier<String> oauth2TokenSupplier(ConnectionSettings settings);

	}

}
