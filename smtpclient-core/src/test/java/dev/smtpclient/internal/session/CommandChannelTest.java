package dev.smtpclient.internal.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.Test;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.SmtpConnectionException;
import dev.smtpclient.SmtpConnectionInfo;
import dev.smtpclient.SmtpEventListener;
import dev.smtpclient.SmtpPhase;
import dev.smtpclient.SmtpProtocolException;
import dev.smtpclient.SmtpReply;
import dev.smtpclient.internal.protocol.BareCommand;
import dev.smtpclient.internal.protocol.MailFrom;
import dev.smtpclient.internal.protocol.ProtocolLog;
import dev.smtpclient.internal.protocol.RcptTo;
import dev.smtpclient.internal.protocol.SmtpCommand;
import dev.smtpclient.internal.transport.InMemoryTransport;
import dev.smtpclient.internal.transport.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The rules every command obeys, whichever step sends it: nothing is written after a 421
 * or a failure, a reply nobody asked for is never taken as the next command's answer, and
 * no line break reaches the wire inside a command.
 */
class CommandChannelTest {

	private final ScriptedTransport transport = new ScriptedTransport();

	private final CommandChannel channel = channel(this.transport);

	@Test
	void writesNothingAfterA421() {
		this.transport.replies("220 hi\r\n", "421 4.3.2 going down\r\n");
		this.channel.read("greeting", SmtpPhase.GREETING);
		SmtpReply reply = this.channel.command(BareCommand.NOOP);
		assertThat(reply.code()).isEqualTo(421);
		assertThat(this.channel.isUsable()).isFalse();
		assertThatExceptionOfType(SmtpConnectionException.class).isThrownBy(() -> this.channel.write(BareCommand.RSET))
			.satisfies((ex) -> assertThat(ex.phase()).isEqualTo(SmtpPhase.RSET));
		assertThat(this.transport.written()).isEqualTo("NOOP\r\n");
	}

	@Test
	void writesNothingAfterAFailedWrite() {
		this.transport.replies("220 hi\r\n");
		this.channel.read("greeting", SmtpPhase.GREETING);
		this.transport.failWrites = true;
		assertThatExceptionOfType(SmtpConnectionException.class).isThrownBy(() -> this.channel.write(BareCommand.NOOP));
		this.transport.failWrites = false;
		assertThatExceptionOfType(SmtpConnectionException.class).isThrownBy(() -> this.channel.write(BareCommand.RSET));
		assertThat(this.transport.written()).isEmpty();
	}

	@Test
	void writesNothingAfterTheServerClosedTheConnection() {
		this.transport.replies("220 hi\r\n");
		this.channel.read("greeting", SmtpPhase.GREETING);
		this.channel.write(BareCommand.NOOP);
		assertThatExceptionOfType(SmtpConnectionException.class)
			.isThrownBy(() -> this.channel.read("NOOP", SmtpPhase.NOOP));
		assertThatExceptionOfType(SmtpConnectionException.class).isThrownBy(() -> this.channel.write(BareCommand.RSET));
		assertThat(this.transport.written()).isEqualTo("NOOP\r\n");
	}

	@Test
	void refusesAReplyNoCommandAskedFor() {
		// the greeting and a second, unsolicited reply arrive in one read
		this.transport.replies("220 hi\r\n250 unasked\r\n");
		this.channel.read("greeting", SmtpPhase.GREETING);
		assertThat(this.channel.hasUnsolicitedInput()).isTrue();
		assertThatExceptionOfType(SmtpProtocolException.class).isThrownBy(() -> this.channel.write(BareCommand.NOOP));
		assertThat(this.channel.isUsable()).isFalse();
		assertThat(this.transport.written()).isEmpty();
	}

	@Test
	void countsTheRepliesOwedForPipelinedCommands() {
		this.transport.replies("220 hi\r\n", "250 one\r\n250 two\r\n");
		this.channel.read("greeting", SmtpPhase.GREETING);
		this.channel.write(new MailFrom("a@example.com", OptionalLong.empty(), false, false, null));
		this.channel.write(new RcptTo("b@example.com", null));
		this.channel.flush(SmtpPhase.MAIL);
		this.channel.read("MAIL", SmtpPhase.MAIL);
		// the second reply is buffered, and owed
		assertThat(this.channel.hasUnsolicitedInput()).isFalse();
		assertThat(this.channel.read("RCPT", SmtpPhase.RCPT).text()).isEqualTo("two");
		assertThat(this.channel.hasUnsolicitedInput()).isFalse();
		assertThat(this.channel.isUsable()).isTrue();
	}

	@Test
	void refusesALineBreakThatReachesTheWire() {
		this.transport.replies("220 hi\r\n");
		this.channel.read("greeting", SmtpPhase.GREETING);
		SmtpCommand rogue = new SmtpCommand() {

			@Override
			public String verb() {
				return "NOOP";
			}

			@Override
			public SmtpPhase phase() {
				return SmtpPhase.NOOP;
			}

			@Override
			public String line() {
				return "NOOP\r\nRSET";
			}

		};
		assertThatIllegalStateException().isThrownBy(() -> this.channel.write(rogue))
			.withMessageContaining("line break");
		assertThat(this.transport.written()).isEmpty();
	}

	@Test
	void refusesCommandsOnceClosed() {
		this.transport.replies("220 hi\r\n");
		this.channel.read("greeting", SmtpPhase.GREETING);
		this.channel.abort();
		assertThat(this.transport.closed).isTrue();
		assertThatIllegalStateException().isThrownBy(this.channel::reset);
		assertThatExceptionOfType(SmtpConnectionException.class).isThrownBy(() -> this.channel.write(BareCommand.NOOP));
		assertThat(this.transport.written()).isEmpty();
	}

	private static CommandChannel channel(Transport transport) {
		ConnectionSettings settings = ConnectionSettings.builder().host("localhost").port(25).build();
		SmtpConnectionInfo info = new SmtpConnectionInfo(1, "localhost", 25);
		CommandChannel channel = new CommandChannel(settings, info, new SmtpEventListener() {
		}, new ProtocolLog(info, ProtocolLog.DISCARD, ProtocolLog.DISCARD));
		channel.attach(transport);
		return channel;
	}

	/**
	 * Hands out one scripted chunk per read, then the end of the stream; records what is
	 * flushed.
	 */
	private static final class ScriptedTransport extends InMemoryTransport {

		private final Deque<byte[]> replies = new ArrayDeque<>();

		private final ByteArrayOutputStream buffered = new ByteArrayOutputStream();

		private final ByteArrayOutputStream flushed = new ByteArrayOutputStream();

		boolean failWrites;

		boolean closed;

		void replies(String... chunks) {
			for (String chunk : chunks) {
				this.replies.add(chunk.getBytes(StandardCharsets.US_ASCII));
			}
		}

		String written() {
			return this.flushed.toString(StandardCharsets.US_ASCII) + this.buffered.toString(StandardCharsets.US_ASCII);
		}

		@Override
		public int read(byte[] buffer, int offset, int length, Duration timeout) {
			byte[] chunk = this.replies.poll();
			if (chunk == null) {
				return -1;
			}
			System.arraycopy(chunk, 0, buffer, offset, chunk.length);
			return chunk.length;
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (this.failWrites) {
				throw new IOException("broken pipe");
			}
			this.buffered.write(bytes, offset, length);
		}

		@Override
		public void flush() {
			this.flushed.writeBytes(this.buffered.toByteArray());
			this.buffered.reset();
		}

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
