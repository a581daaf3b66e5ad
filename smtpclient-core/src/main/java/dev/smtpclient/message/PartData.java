package dev.smtpclient.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import jakarta.activation.DataSource;

/**
 * Where the data of an attachment or inline part comes from: bytes held in memory (copied
 * when given), or a file or {@link DataSource} that is opened and read each time the
 * message is written, never held whole in memory.
 */
abstract class PartData {

	static PartData of(byte[] bytes) {
		return new Bytes(Objects.requireNonNull(bytes, "data").clone());
	}

	static PartData of(Path file) {
		return new FileData(Objects.requireNonNull(file, "file"));
	}

	static PartData of(DataSource source) {
		return new SourceData(Objects.requireNonNull(source, "dataSource"));
	}

	/**
	 * Opens the data for one writing.
	 */
	abstract InputStream open() throws IOException;

	/**
	 * The bytes when held in memory, else null (the data is streamed).
	 */
	byte[] inMemory() {
		return null;
	}

	private static final class Bytes extends PartData {

		private final byte[] bytes;

		Bytes(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		InputStream open() {
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		byte[] inMemory() {
			return this.bytes;
		}

	}

	private static final class FileData extends PartData {

		private final Path file;

		FileData(Path file) {
			this.file = file;
		}

		@Override
		InputStream open() throws IOException {
			return Files.newInputStream(this.file);
		}

	}

	private static final class SourceData extends PartData {

		private final DataSource source;

		SourceData(DataSource source) {
			this.source = source;
		}

		@Override
		InputStream open() throws IOException {
			return this.source.getInputStream();
		}

	}

}
