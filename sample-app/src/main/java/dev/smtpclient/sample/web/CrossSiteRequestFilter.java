package dev.smtpclient.sample.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 403, every state-changing request (any method but GET, HEAD, OPTIONS and TRACE) that a browser
 * makes on behalf of another site, so that a page the developer visits cannot send mail through the app: a
 * cross-site form post needs no CORS preflight, and the app would otherwise act on it.
 * <p>
 * A request is cross-site when the browser says so ({@code Sec-Fetch-Site: cross-site} or {@code same-site}), or
 * when it carries an {@code Origin} other than the app's own scheme, host and port (older browsers, opaque
 * {@code null} origins). A request with neither header is not from a browser's cross-site context (curl, scripts,
 * the command line) and goes through; so does the app's own page, whose requests are same-origin.
 */
@Component
public class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod()) && isFromAnotherSite(request)) {
			response.sendError(HttpStatus.FORBIDDEN.value(), "Cross-site request refused");
			return;
		}
		chain.doFilter(request, response);
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
