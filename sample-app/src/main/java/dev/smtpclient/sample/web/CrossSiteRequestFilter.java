package dev.smtpclient.sample.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403, every state-changing request (any method but GET, HEAD, OPTIONS and
 * TRACE) that a browser makes on behalf of another site, so that a page the developer
 * visits cannot send mail through the app: a cross-site form post needs no CORS
 * preflight, and the app would otherwise act on it.
 * <p>
 * A request is cross-site when the browser says so ({@code Sec-Fetch-Site: cross-site} or
 * {@code same-site}), or when it carries an {@code Origin} other than the app's own
 * scheme, host and port (older browsers, opaque {@code null} origins). A request with
 * neither header is not from a browser's cross-site context (curl, scripts, the command
 * line) and goes through; so does the app's own page, whose requests are same-origin.
 * <p>
 * Every request, reads included, must also name the app by a host it knows:
 * {@code localhost}, an IP address, or one of {@code sample.allowed-hosts}. Otherwise a
 * page whose domain resolves to 127.0.0.1 (DNS rebinding) would be same-origin with the
 * app and could read the inbox and send mail.
 */
@Component
public class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private final Set<String> allowedHosts;

	public CrossSiteRequestFilter(@Value("${sample.allowed-hosts:}") List<String> allowedHosts) {
		this.allowedHosts = allowedHosts.stream()
			.map(String::trim)
			.filter((host) -> !host.isEmpty())
			.map((host) -> host.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isKnownHost(request.getServerName())) {
			response.sendError(HttpStatus.FORBIDDEN.value(), "Unknown host name; add it to sample.allowed-hosts");
			return;
		}
		if (!SAFE_METHODS.contains(request.getMethod()) && isFromAnotherSite(request)) {
			response.sendError(HttpStatus.FORBIDDEN.value(), "Cross-site request refused");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isKnownHost(String serverName) {
		String host = hostWithoutBrackets(serverName).toLowerCase(Locale.ROOT);
		// an IP address cannot be rebound; a name can, unless it is localhost's own
		return host.equals("localhost") || host.endsWith(".localhost") || host.contains(":")
				|| IPV4.matcher(host).matches() || this.allowedHosts.contains(host);
	}

	static boolean isFromAnotherSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null && OTHER_SITES.contains(fetchSite.trim().toLowerCase(Locale.ROOT))) {
			return true;
		}
		String origin = request.getHeader("Origin");
		return origin != null && !isSameOrigin(origin.trim(), request);
	}

	private static boolean isSameOrigin(String origin, HttpServletRequest request) {
		URI uri;
		try {
			uri = URI.create(origin);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		if (uri.getScheme() == null || uri.getHost() == null) {
			// "null" (sandboxed frames, file: pages) or garbage
			return false;
		}
		return uri.getScheme().equalsIgnoreCase(request.getScheme())
				&& hostWithoutBrackets(uri.getHost()).equalsIgnoreCase(hostWithoutBrackets(request.getServerName()))
				&& port(uri) == request.getServerPort();
	}

	private static String hostWithoutBrackets(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

}
