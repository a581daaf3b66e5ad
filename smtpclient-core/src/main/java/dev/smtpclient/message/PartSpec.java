package dev.smtpclient.message;

/**
 * An attachment or inline part as the caller gave it, checked: the name (or null), the
 * MIME type, the data and, for inline parts, the Content-ID (without angle brackets).
 */
final class PartSpec {

	final String fileName;

	final String mimeType;

	final PartData data;

	final String contentId;

	PartSpec(String fileName, String mimeType, PartData data, String contentId) {
		this.fileName = fileName;
		this.mimeType = mimeType;
		this.data = data;
		this.contentId = contentId;
	}

	boolean isInline() {
		return this.contentId != null;
	}

	LeafPart toPart() {
		return LeafPart.data(this.mimeType, this.data, this.fileName, this.contentId, isInline());
	}

}
