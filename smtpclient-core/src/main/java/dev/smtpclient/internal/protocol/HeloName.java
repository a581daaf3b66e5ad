package dev.smtpclient.internal.protocol;

import java.net.Inet6Address;
import java.net.InetAddress;

import org.jspecify.annotations.Nullable;

import dev.smtpclient.InvalidInputException;

/**
 * The name a client gives in EHLO/HELO: a domain or an address literal (RFC 5321 4.1.3).
 */
public final class HeloName {

	private HeloName() {
	}

	public static String check(String name) {
		WireText.requireNoControls("heloName", name);
		if (name.isEmpty() || name.length() > 255) {
			throw new InvalidInputException("heloName", "must be 1 to 255 characters");
		}
		if (name.startsWith("[") && name.endsWith("]")) {
			for (int i = 1; i < name.length() - 1; i++) {
				char c = name.charAt(i);
				if (c <= ' ' || c == '[' || c == ']' || c == '\\' || c > 0x7e) {
					throw new InvalidInputException("heloName", "malformed address literal");
				}
			}
			return name;
		}
		if (!isDomain(name)) {
			throw new InvalidInputException("heloName",
					"'" + name + "' is neither a domain name nor an address literal like [192.0.2.1]");
		}
		return name;
	}

	/**
	 * The local host name, looked up once: the look-up can be slow where name service is
	 * poorly set up, and it must not cost every new connection.
	 */
	private static final class LocalHostName {

		static final @Nullable String VALUE = lookUp();

		private static @Nullable String lookUp() {
			try {
				String hostName = InetAddress.getLocalHost().getHostName();
				return (hostName.contains(".") && isDomain(hostName)) ? hostName : null;
			}
			catch (java.io.IOException ex) {
				return null;
			}
		}

	}

	private static boolean isDomain(String name) {
		for (String label : name.split("\\.", -1)) {
			if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
				return false;
			}
			for (int i = 0; i < label.length(); i++) {
				char c = label.charAt(i);
				if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * The default name: the local host name when it is a proper domain with a dot,
	 * otherwise the local address of the connection as a literal (what RFC 5321 asks of a
	 * client without a meaningful name).
	 */
	public static String defaultFor(@Nullable InetAddress localAddress) {
		String hostName = LocalHostName.VALUE;
		if (hostName != null) {
			return hostName;
		}
		if (localAddress == null) {
			return "localhost";
		}
		if (localAddress instanceof Inet6Address) {
			String text = localAddress.getHostAddress();
			int zone = text.indexOf('%');
			return "[IPv6:" + ((zone >= 0) ? text.substring(0, zone) : text) + "]";
		}
		return "[" + localAddress.getHostAddress() + "]";
	}

}
