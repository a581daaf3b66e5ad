package dev.smtpclient.sample.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The command line of {@code send}, in the manner of the Qore seed's
 * {@code examples/email.q}.
 *
 * @param from the sender ({@code -f})
 * @param subject the subject ({@code -s})
 * @param body the text body ({@code -b})
 * @param to the To recipients ({@code -t}, repeatable)
 * @param cc the Cc recipients ({@code -c}, repeatable)
 * @param bcc the Bcc recipients ({@code -B}, repeatable)
 * @param attachments files to attach ({@code -a}, repeatable)
 * @param user the user name ({@code -u})
 * @param password the password ({@code -p})
 * @param requireTls whether STARTTLS is required ({@code -S})
 * @param debug whether to print the protocol transcript ({@code --debug})
 * @param caCertificate a PEM CA certificate to trust instead of the JDK's trust store
 * ({@code --ca})
 * @param url the server ({@code scheme://host[:port]}, or {@code host[:port]} for
 * {@code smtp://})
 */
record MailerArguments(String from, String subject, String body, List<String> to, List<String> cc, List<String> bcc,
		List<Path> attachments, String user, String password, boolean requireTls, boolean debug, Path caCertificate,
		String url) {

	static final String USAGE = "usage: send -f FROM -s SUBJECT -b BODY [-t TO]... [-c CC]... [-B BCC]... "
			+ "[-a FILE]... [-u USER -p PASS] [-S] [--debug] [--ca CA.pem] URL";

	/**
	 * Parses the arguments after {@code send}.
	 * @param args the arguments
	 * @return the parsed arguments
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static MailerArguments parse(List<String> args) {
		String from = null;
		String subject = null;
		String body = null;
		List<String> to = new ArrayList<>();
		List<String> cc = new ArrayList<>();
		List<String> bcc = new ArrayList<>();
		List<Path> attachments = new ArrayList<>();
		String user = null;
		String password = null;
		boolean requireTls = false;
		boolean debug = false;
		Path ca = null;
		String url = null;
		Iterator<String> it = args.iterator();
		while (it.hasNext()) {
			String arg = it.next();
			switch (arg) {
				case "-f" -> from = value(arg, it);
				case "-s" -> subject = value(arg, it);
				case "-b" -> body = value(arg, it);
				case "-t" -> to.add(value(arg, it));
				case "-c" -> cc.add(value(arg, it));
				case "-B" -> bcc.add(value(arg, it));
				case "-a" -> attachments.add(Path.of(value(arg, it)));
				case "-u" -> user = value(arg, it);
				case "-p" -> password = value(arg, it);
				case "-S" -> requireTls = true;
				case "--debug" -> debug = true;
				case "--ca" -> ca = Path.of(value(arg, it));
				default -> {
					if (arg.startsWith("-")) {
						throw new IllegalArgumentException("unknown option " + arg);
					}
					if (url != null) {
						throw new IllegalArgumentException("more than one server URL: " + url + ", " + arg);
					}
					url = arg;
				}
			}
		}
		require(from, "-f FROM");
		require(subject, "-s SUBJECT");
		require(body, "-b BODY");
		require(url, "the server URL");
		if ((user == null) != (password == null)) {
			throw new IllegalArgumentException("-u and -p go together");
		}
		return new MailerArguments(from, subject, body, to, cc, bcc, attachments, user, password, requireTls, debug, ca,
				url.contains("://") ? url : "smtp://" + url);
	}

	private static String value(String option, Iterator<String> it) {
		if (!it.hasNext()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return it.next();
	}

	private static void require(Object value, String what) {
		if (value == null) {
			throw new IllegalArgumentException("missing " + what);
		}
	}

}
