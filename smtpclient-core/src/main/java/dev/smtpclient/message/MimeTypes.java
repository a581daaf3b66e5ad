package dev.smtpclient.message;

import java.util.Locale;
import java.util.Map;

import dev.smtpclient.InvalidInputException;

/**
 * MIME types: a small built-in table from file extension to type, with
 * {@code application/octet-stream} for anything else, and the syntax check of types given
 * by the caller.
 */
public final class MimeTypes {

	/** The type of data whose type is not known. */
	public static final String OCTET_STREAM = "application/octet-stream";

	/** The characters of a token besides letters and digits (RFC 2045 5.1). */
	private static final String TOKEN_SPECIALS = "!#$%&'*+-.^_`|~";

	private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("txt", "text/plain"),
			Map.entry("text", "text/plain"), Map.entry("log", "text/plain"), Map.entry("md", "text/markdown"),
			Map.entry("csv", "text/csv"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
			Map.entry("css", "text/css"), Map.entry("ics", "text/calendar"), Map.entry("xml", "application/xml"),
			Map.entry("json", "application/json"), Map.entry("js", "text/javascript"),
			Map.entry("pdf", "application/pdf"), Map.entry("rtf", "application/rtf"),
			Map.entry("zip", "application/zip"), Map.entry("gz", "application/gzip"),
			Map.entry("tar", "application/x-tar"), Map.entry("7z", "application/x-7z-compressed"),
			Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
			Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("svg", "image/svg+xml"),
			Map.entry("bmp", "image/bmp"), Map.entry("ico", "image/vnd.microsoft.icon"), Map.entry("tif", "image/tiff"),
			Map.entry("tiff", "image/tiff"), Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"),
			Map.entry("ogg", "audio/ogg"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
			Map.entry("mov", "video/quicktime"), Map.entry("doc", "application/msword"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("ppt", "application/vnd.ms-powerpoint"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("odt", "application/vnd.oasis.opendocument.text"),
			Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"));

	private MimeTypes() {
	}

	/**
	 * The type for a file name, from its extension (case-insensitive).
	 * @param fileName the file name
	 * @return the type, or {@value #OCTET_STREAM}
	 */
	public static String forFileName(String fileName) {
		int dot = (fileName != null) ? fileName.lastIndexOf('.') : -1;
		if (dot < 0) {
			return OCTET_STREAM;
		}
		return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
	}

	/**
	 * Checks a {@code type/subtype} given by the caller (without parameters) and
	 * lower-cases it.
	 * @param field the field for the error
	 * @param mimeType the type
	 * @return the type
	 */
	static String check(String field, String mimeType) {
		InputChecks.noControls(field, mimeType);
		String type = mimeType.trim().toLowerCase(Locale.ROOT);
		if (!isTypeAndSubtype(type)) {
			throw new InvalidInputException(field, "'" + mimeType + "' is not a MIME type of the form type/subtype");
		}
		if (type.startsWith("multipart/") || type.startsWith("message/")) {
			throw new InvalidInputException(field, "'" + mimeType + "' cannot be given as a part's type");
		}
		return type;
	}

	/**
	 * Whether the text is {@code token "/" token}, each token at least one character.
	 */
	private static boolean isTypeAndSubtype(String type) {
		int slash = type.indexOf('/');
		if (slash <= 0 || slash == type.length() - 1) {
			return false;
		}
		for (int i = 0; i < type.length(); i++) {
			char c = type.charAt(i);
			if (i != slash && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| TOKEN_SPECIALS.indexOf(c) >= 0)) {
				return false;
			}
		}
		return true;
	}

}
