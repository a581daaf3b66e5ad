package dev.smtpclient.sample.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

import dev.smtpclient.ConnectionSettings;
import dev.smtpclient.RecipientResult;
import dev.smtpclient.SendResult;
import dev.smtpclient.SmtpConnection;
import dev.smtpclient.SmtpException;
import dev.smtpclient.TlsPolicy;
import dev.smtpclient.message.ComposedMessage;
import dev.smtpclient.message.Message;

/**
 * {@code java -jar sample-app.jar send ...}: sends one message with the core API alone
 * (no Spring), like the Qore seed's {@code examples/email.q}. Exit status 0 when the
 * server took the message, 2 (with {@code err: <description>} on standard error) when
 * anything failed.
 */
public final class MailerCommand {

	public static final int OK = 0;

	public static final int FAILED = 2;

	private final PrintStream out;

	private final PrintStream err;

	public MailerCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/**
	 * Runs the command; never calls {@link System#exit}.
	 * @param args the arguments after {@code send}
	 * @return the exit status
	 */
	public int run(List<String> args) {
		MailerArguments arguments;
		try {
			arguments = MailerArguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			this.err.println("err: " + ex.getMessage());
			this.err.println(MailerArguments.USAGE);
			return FAILED;
		}
		try {
			SendResult result = send(arguments);
			for (RecipientResult recipient : result.recipients()) {
				this.out.println("<" + recipient.address() + "> " + recipient.reply());
			}
			this.out.println("sent: " + result.finalReply());
			return OK;
		}
		catch (SmtpException | IllegalArgumentException | IOException | GeneralSecurityException ex) {
			this.err.println("err: " + ex.getMessage());
			return FAILED;
		}
	}

	private SendResult send(MailerArguments arguments) throws IOException, GeneralSecurityException {
		ComposedMessage message = message(arguments);
		try (SmtpConnection connection = SmtpConnection.open(settings(arguments))) {
			return connection.send(message.envelope(), message.content());
		}
	}

	private static ComposedMessage message(MailerArguments arguments) throws IOException {
		Message message = new Message(arguments.from(), arguments.subject());
		message.setBody(arguments.body());
		arguments.to().forEach(message::addTo);
		arguments.cc().forEach(message::addCc);
		arguments.bcc().forEach(message::addBcc);
		for (Path file : arguments.attachments()) {
			if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
				throw new IOException("cannot read attachment " + file);
			}
			message.attach(file); // the type from the extension; read while sending
		}
		return message.snapshot();
	}

	private ConnectionSettings settings(MailerArguments arguments) throws IOException, GeneralSecurityException {
		ConnectionSettings.Builder builder = ConnectionSettings.builder(arguments.url());
		if (arguments.user() != null) {
			builder.credentials(arguments.user(), arguments.password());
		}
		if (arguments.caCertificate() != null) {
			builder.sslContext(PemTrust.sslContext(arguments.caCertificate()));
		}
		if (arguments.debug()) {
			builder.debugLog(this.out::println); // AUTH payloads are masked by the core
		}
		ConnectionSettings settings = builder.build();
		if (arguments.requireTls() && settings.tlsPolicy() != TlsPolicy.IMPLICIT) {
			settings = settings.toBuilder().tlsPolicy(TlsPolicy.REQUIRED).build();
		}
		return settings;
	}

}
